// Prism's `createInstance`, put together from the same parts as @stoplight/prism-http's index does it. Its index
// also loads what reads and dereferences specs (with YAML parsers and a hashing library), which the mock needs only
// when the build has not prepared a spec's operations: a fifth of the bundle that every start would parse.
// Prism's validators and its forwarder run only when asked for (request and response validation, security checks,
// proxying), which the mock never does: each is loaded by its first call rather than at start.
const { factory } = require('@stoplight/prism-core/dist/factory');
const mock = require('@stoplight/prism-http/dist/mocker').default;
const route = require('@stoplight/prism-http/dist/router').default;

const validator = () => require('@stoplight/prism-http/dist/validator');
const forwarder = () => require('@stoplight/prism-http/dist/forwarder');

/** @type {typeof import('@stoplight/prism-http').createInstance} */
exports.createInstance = (defaultConfig, components) =>
  factory(defaultConfig, {
    route,
    validateInput: (...args) => validator().validateInput(...args),
    validateOutput: (...args) => validator().validateOutput(...args),
    validateSecurity: (...args) => validator().validateSecurity(...args),
    mock,
    forward: (...args) => forwarder().default(...args),
    ...components,
  });
