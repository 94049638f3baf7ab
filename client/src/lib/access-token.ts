/**
 * The access token lives only in memory: a page reload forgets it and the session is
 * restored from the httpOnly refresh cookie. Never persisted, so script injection cannot
 * read it from storage.
 */
type TokenListener = (token: string | null) => void;

let currentToken: string | null = null;
const listeners = new Set<TokenListener>();

const publish = (token: string | null) => {
  if (token === currentToken) return;
  currentToken = token;
  listeners.forEach((listener) => listener(token));
};

export const accessToken = {
  get: (): string | null => currentToken,
  set: (token: string): void => publish(token),
  clear: (): void => publish(null),
  /** Called with every new value (login, refresh, logout); returns the unsubscribe. */
  subscribe: (listener: TokenListener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
