/**
 * Cookies the server reads when it renders a page (never credentials): the visitor's language and
 * whether this browser holds a session. Writing one can fail (cookies disabled); the page is then
 * rendered with the browser's language, or for a visitor, and the app corrects it after loading.
 */
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const writePageCookie = (name: string, value: string | null): void => {
  if (typeof document === 'undefined') return;
  const lifetime = value === null ? 'max-age=0' : `max-age=${ONE_YEAR_SECONDS}`;
  try {
    document.cookie = `${name}=${encodeURIComponent(value ?? '')}; path=/; ${lifetime}; samesite=lax`;
  } catch {
    // A sandboxed document refuses cookies: the server falls back to the request's headers.
  }
};

export const readPageCookie = (name: string): string | null => {
  if (typeof document === 'undefined') return null;
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return found === undefined ? null : decodeURIComponent(found.slice(prefix.length));
};
