// Stands in for libraries of Prism's that the mock never runs: proxying to a real server (node-fetch and the proxy
// agents), OpenAPI callbacks (none of the specs has one) and Postman collections (the mock reads OpenAPI documents,
// their operations prepared at build). Loading them was most of the start-up; calling one throws.
const stub = new Proxy(function () {}, {
  get: (_target, key) => (key === '__esModule' ? false : key === 'then' ? undefined : stub),
  apply: () => {
    throw new Error('nxwa-mock does not proxy, run OpenAPI callbacks or read Postman collections.');
  },
  construct: () => {
    throw new Error('nxwa-mock does not proxy, run OpenAPI callbacks or read Postman collections.');
  },
});
module.exports = stub;
