import type { Locale } from '@coachhub/shared/locales';
import type { PageRenderRequest, PublicPageData, RenderedPage } from '@coachhub/shared/page-render';
import { QueryClient, dehydrate } from '@tanstack/react-query';
import { createInstance } from 'i18next';
import type { i18n as I18n } from 'i18next';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import {
  StaticRouterProvider,
  createStaticHandler,
  createStaticRouter,
  matchPath,
  matchRoutes,
} from 'react-router-dom';

import { paths } from '@/config/paths';
import { coachQueryOptions } from '@/features/coaches/api/get-coach';
import { coachesQueryOptions } from '@/features/coaches/api/get-coaches';
import {
  readDirectorySearch,
  toDirectoryQuery,
} from '@/features/coaches/components/directory-search';
import { ApiError } from '@/lib/api-error';
import { sessionQueryOptions } from '@/lib/auth/session';
import { de } from '@/lib/i18n/locales/de';
import { en } from '@/lib/i18n/locales/en';
import type { PageState } from '@/lib/page-state';
import { startOfMinute } from '@/lib/use-current-minute';

import { AppProvider } from './app/provider';
import { appRoutes } from './app/routes';

/**
 * The server render of the public pages (the server loads the build of this file when present,
 * server/src/core/http/page-render.ts): the landing page, the directory and a coach's profile, as
 * a visitor sees them, with the data the server's own services give and the request's language.
 * The client hydrates the markup with the same data (main.tsx), so nothing is fetched twice.
 */

const STRINGS: Record<Locale, typeof en> = { en, de };

/** The query each server-rendered page shows first; the rest loads after hydration. */
type PagePrefetch = (queryClient: QueryClient, url: URL, data: PublicPageData) => Promise<void>;

/** By the route the app's router picks, so `/coaches/match` is never taken for a profile. */
const PAGES: { path: string; module: string; prefetch: PagePrefetch }[] = [
  {
    path: paths.home.path,
    module: 'src/features/landing/pages/landing-page.tsx',
    prefetch: async () => undefined,
  },
  {
    path: paths.app.coaches.path,
    module: 'src/features/coaches/pages/coach-directory-page.tsx',
    prefetch: async (queryClient, url, data) => {
      const query = toDirectoryQuery(readDirectorySearch(url.searchParams));
      await queryClient.prefetchQuery({
        ...coachesQueryOptions(query),
        queryFn: () => data.coachDirectory(query),
      });
    },
  },
  {
    path: paths.app.coach.path,
    module: 'src/app/routes/coach-profile-route.tsx',
    prefetch: async (queryClient, url, data) => {
      const userId = matchPath(paths.app.coach.path, url.pathname)?.params.userId ?? '';
      await queryClient.prefetchQuery({
        ...coachQueryOptions(userId),
        queryFn: async () => {
          const coach = await data.coachProfile(userId);
          if (!coach) throw new ApiError('NOT_FOUND', 'Coach not found', 404);
          return coach;
        },
      });
    },
  },
];

// The routes' lazy modules load on the first request and stay loaded.
const handler = createStaticHandler(appRoutes);

const pageOf = (pathname: string) => {
  const leaf = matchRoutes(appRoutes, pathname)?.at(-1);
  if (!leaf) return undefined;
  const path = leaf.route.index ? paths.home.path : leaf.route.path;
  return PAGES.find((page) => page.path === path);
};

const createI18n = async (locale: Locale): Promise<I18n> => {
  const instance = createInstance();
  await instance.init({
    lng: locale,
    resources: { [locale]: { translation: STRINGS[locale] } },
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return instance;
};

/** An error crosses to the client as its parts (main.tsx makes an ApiError of them again). */
const plainError = (error: unknown) => {
  const { code, message, status } =
    error instanceof ApiError ? error : new ApiError('UNKNOWN_ERROR', String(error));
  return { name: 'ApiError', code, message, status };
};

/** `<` written as its escape, so the JSON cannot end the `<script>` block that carries it. */
const scriptSafeJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** Removes React's hoisted `<title>` from the markup: the server writes it into `<head>`. */
const takeTitle = (markup: string): { title: string; markup: string } => {
  const found = /<title>([^<]*)<\/title>/.exec(markup);
  if (!found) return { title: '', markup };
  return { title: found[1] ?? '', markup: markup.replace(found[0], '') };
};

export const renderPage = async ({
  url,
  locale,
  data,
}: PageRenderRequest): Promise<RenderedPage | null> => {
  const location = new URL(url, 'http://localhost');
  const page = pageOf(location.pathname);
  if (!page) return null;

  const queryClient = new QueryClient({
    // An error is rendered as it is (the coach's 404), as the client shows it (main.tsx).
    defaultOptions: { queries: { retry: false, retryOnMount: false, staleTime: Infinity } },
  });
  // The server renders every page for a visitor; the app asks for a session after hydrating.
  queryClient.setQueryData(sessionQueryOptions().queryKey, null);
  await page.prefetch(queryClient, location, data);

  const context = await handler.query(new Request(location));
  // No route redirects or loads data today; anything else is left to the client.
  if (context instanceof Response) return null;
  const router = createStaticRouter(handler.dataRoutes, context);
  const i18n = await createI18n(locale);

  // Every clock on the page is drawn at this minute; the client hydrates them with it.
  const renderedMinute = startOfMinute();
  const rendered = renderToString(
    <AppProvider queryClient={queryClient} renderedMinute={renderedMinute}>
      <I18nextProvider i18n={i18n}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </I18nextProvider>
    </AppProvider>,
  );
  const { title, markup } = takeTitle(rendered);

  const queries = dehydrate(queryClient, {
    // A coach that is not there is part of the page (its 404) and is shown as is.
    shouldDehydrateQuery: (query) => query.state.status !== 'pending',
  });
  const state: PageState = {
    locale,
    renderedMinute,
    queries: {
      ...queries,
      queries: queries.queries.map((query) =>
        query.state.error === null
          ? query
          : {
              ...query,
              state: {
                ...query.state,
                error: plainError(query.state.error),
                fetchFailureReason: plainError(query.state.error),
              },
            },
      ),
    },
    router: {
      loaderData: context.loaderData,
      actionData: context.actionData,
      errors: context.errors,
    },
  };
  const notFound = queryClient
    .getQueryCache()
    .getAll()
    .some(
      (query) =>
        query.state.status === 'error' &&
        query.state.error instanceof ApiError &&
        query.state.error.status === 404,
    );
  return {
    status: notFound ? 404 : 200,
    title,
    markup,
    state: scriptSafeJson(state),
    modules: [page.module, `src/lib/i18n/locales/${locale}.ts`],
  };
};
