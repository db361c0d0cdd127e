// Ajv and its formats, loaded by the first validator that is set up rather than at start: each host's validator is
// set up by its first request, and the proxy's HAR validator by its first cassette.
/** @type {(options: import('ajv').Options) => import('ajv/dist/2020.js').Ajv2020} */
exports.newAjv2020 = (options) => new (require('ajv/dist/2020.js').Ajv2020)(options);

/** @type {(options: import('ajv').Options) => import('ajv').Ajv} */
exports.newAjv = (options) => new (require('ajv').Ajv)(options);

/** @type {(ajv: import('ajv').default) => void} */
exports.addFormats = (ajv) => {
  const formats = require('ajv-formats');
  // The function is the module itself, and its `default` too.
  (formats.default ?? formats)(ajv);
};
