/**
 * The client's environment, read once. In production the API server serves this app on its
 * own origin, so the defaults are relative and need no configuration.
 */
const readString = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;

export const env = {
  /** Base URL of the REST API. */
  apiUrl: readString(import.meta.env.VITE_API_URL, '/api'),
  /** Origin of the Socket.IO server; empty means the page's own origin. */
  socketUrl: readString(import.meta.env.VITE_SOCKET_URL, ''),
} as const;
