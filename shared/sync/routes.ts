/** HTTP paths of the sync API, shared by the server and the engine's client. */
export const routes = {
  login: '/api/v1/auth/login',
  bootstrap: '/api/v1/sync/bootstrap',
  snapshot: '/api/v1/sync/snapshot',
  pull: '/api/v1/sync/pull',
  push: '/api/v1/sync/push',
  /** WebSocket; authenticates with the same `Authorization: Bearer` header as HTTP. */
  realtime: '/api/v1/sync/realtime',
  health: '/api/v1/health',
} as const;
