// Stands in for the fake-data library in the bundle: the mock answers from examples only, never with generated data.
// Libraries that reference its generators when they load (faker.address.city, …) get this; calling one throws.
const stub = new Proxy(function () {}, {
  get: (_target, key) => (key === '__esModule' ? false : key === 'then' ? undefined : stub),
  apply: () => {
    throw new Error('nxwa-mock answers from the spec examples only: generated (dynamic) data is not available.');
  },
});
module.exports = stub;
