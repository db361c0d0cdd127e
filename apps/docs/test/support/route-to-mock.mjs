// Loaded with `node --import` before a README or guide sample: requests to the real hosts (as the samples name
// them) and to the mock's default ports go to the test's mock instead (NXWA_ROUTES: origin → mock URL).
const routes = JSON.parse(process.env.NXWA_ROUTES ?? '{}');
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const to = routes[url.origin];
  return realFetch(to ? new Request(`${to}${url.pathname}${url.search}`, request) : request);
};
