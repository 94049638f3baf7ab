import { RouterProvider, createBrowserRouter, matchRoutes } from 'react-router-dom';
import type { HydrationState } from 'react-router-dom';

import { appRoutes } from './routes';

type AppRouterInstance = ReturnType<typeof createBrowserRouter>;

/**
 * A server-rendered page is hydrated with the routes it was rendered with already loaded: a lazy
 * route still loading would render the fallback and not match the markup.
 */
const loadMatchedRoutes = async (pathname: string): Promise<void> => {
  const lazyMatches = (matchRoutes(appRoutes, pathname) ?? []).filter(
    ({ route }) => typeof route.lazy === 'function',
  );
  await Promise.all(
    lazyMatches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      const loaded = await route.lazy();
      Object.assign(route, { ...loaded, lazy: undefined });
    }),
  );
};

export const createAppRouter = (): AppRouterInstance => createBrowserRouter(appRoutes);

/** The router of a server-rendered page, with its routes loaded and the server's router state. */
export const createHydratingRouter = async (
  hydrationData: HydrationState,
): Promise<AppRouterInstance> => {
  await loadMatchedRoutes(window.location.pathname);
  return createBrowserRouter(appRoutes, { hydrationData });
};

export const AppRouter = ({ router }: { router: AppRouterInstance }) => (
  <RouterProvider router={router} />
);
