// Loaded into electronegativity by scripts/security-scan.mjs. The scan fetches translations and
// Electron's release list over the network (got 11); offline, got's retry timer crashes on Node 24.
// Failing each request at once takes the tool's own no-network path (bundled strings, no release data).
const Module = require('node:module');
const load = Module._load;
const offline = () => Promise.reject(new Error('offline scan: no network'));
offline.head = offline;
Module._load = function (request, ...rest) {
  return request === 'got' ? offline : load.call(this, request, ...rest);
};
