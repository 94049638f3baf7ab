import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { loadHttpClient } from '@/lib/api-client';
import { i18nReady } from '@/lib/i18n/i18n';

import { App } from './app';
import { preloadRoutesOnIntent } from './route-preload';
import { appRoutes } from './routes';

/** Renders the app into `container` once the starting language's strings are in. */
export const startApp = (container: HTMLElement): void => {
  preloadRoutesOnIntent(appRoutes);
  // axios is not needed for the first paint, but the page's first request soon needs it: its
  // download starts now, beside the page's chunk. A failure here is tried again by that request.
  loadHttpClient().catch(() => undefined);

  const root = createRoot(container);
  const render = () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  // A language that failed to load leaves keys on screen, which is still better than a blank page.
  void i18nReady.then(render, render);
};
