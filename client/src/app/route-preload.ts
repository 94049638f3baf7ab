import { matchRoutes } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';

/**
 * Starts downloading a page's chunk as soon as the pointer rests on (or focus reaches) a link to
 * it, so the click usually finds the page already loaded. The router's own `lazy()` functions do
 * the importing: the browser keeps the module, and the router's later call resolves at once.
 */
export const preloadRoute = (routes: RouteObject[], pathname: string): void => {
  for (const { route } of matchRoutes(routes, pathname) ?? []) {
    if (typeof route.lazy === 'function') void route.lazy().catch(() => undefined);
  }
};

const sameOriginPath = (target: EventTarget | null): string | null => {
  if (!(target instanceof Element)) return null;
  const link = target.closest('a[href]');
  if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return null;
  return link.pathname;
};

/** One listener for every link of the app, present and future. Returns the function that stops it. */
export const preloadRoutesOnIntent = (routes: RouteObject[], root: Document = document) => {
  const seen = new Set<string>();
  const onIntent = (event: Event) => {
    const pathname = sameOriginPath(event.target);
    if (pathname === null || seen.has(pathname)) return;
    seen.add(pathname);
    preloadRoute(routes, pathname);
  };
  const events = ['pointerover', 'focusin', 'touchstart'] as const;
  events.forEach((name) => root.addEventListener(name, onIntent, { passive: true }));
  return () => events.forEach((name) => root.removeEventListener(name, onIntent));
};
