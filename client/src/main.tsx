import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';

import { loadHttpClient } from '@/lib/api-client';
import { sessionQueryOptions } from '@/lib/auth/session';
import { i18n, i18nReady } from '@/lib/i18n/i18n';
import { mirrorLocaleInCookie, readAnonymousLocale } from '@/lib/i18n/locale-preference';
import { adoptPageQueries, readPageState } from '@/lib/page-state';
import type { PageState } from '@/lib/page-state';
import { sessionHint } from '@/lib/session-hint';

import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { preloadRoutesOnIntent } from './app/route-preload';
import { createAppRouter, createHydratingRouter } from './app/router';
import { appRoutes } from './app/routes';
import './app/styles/tokens.css';
import './app/styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

preloadRoutesOnIntent(appRoutes);
sessionHint.syncCookie();

/**
 * Lets the browser paint and answer input between start-up steps: chained promises would run
 * them all in one long task (loading the language, the page's routes, starting the hydration).
 */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// Choices stored before the server read them from cookies reach it from the next page on. The
// first read of localStorage is slow, so it waits until the app has started.
const mirrorLocaleLater = () => void yieldToBrowser().then(mirrorLocaleInCookie);

// axios is not needed for the first paint, but the page's first request soon needs it. Its
// download starts once the language's strings are in, so it does not slow them down; a failure
// here is tried again by that request.
const startHttpClient = () => loadHttpClient().catch(() => undefined);

const renderApp = () => {
  startHttpClient();
  createRoot(container).render(
    <StrictMode>
      <App router={createAppRouter()} />
    </StrictMode>,
  );
};

/**
 * A server-rendered page (a visitor's landing page, directory or coach profile) is hydrated with
 * the data and language it was rendered with: no request, no second render. What the server could
 * not know (a session this browser still holds, a language chosen before the cookie existed) is
 * applied right after.
 */
const hydrateApp = async (state: PageState) => {
  await yieldToBrowser();
  const router = await createHydratingRouter(state.router);
  await yieldToBrowser();
  startHttpClient();
  const queryClient = createQueryClient();
  hydrateRoot(
    container,
    <StrictMode>
      <App
        router={router}
        queryClient={queryClient}
        dehydratedState={adoptPageQueries(queryClient, state.queries)}
        renderedMinute={state.renderedMinute}
      />
    </StrictMode>,
  );
  if (sessionHint.isSet()) {
    void queryClient.invalidateQueries({ queryKey: sessionQueryOptions().queryKey });
  }
  await yieldToBrowser();
  const stored = readAnonymousLocale();
  if (stored !== null && stored !== i18n.language) void i18n.changeLanguage(stored);
};

const start = () => {
  const state = readPageState();
  if (state) void hydrateApp(state).catch(renderApp);
  else renderApp();
  mirrorLocaleLater();
};
// A language that failed to load leaves keys on screen, which is still better than a blank page.
void i18nReady.then(start, start);
