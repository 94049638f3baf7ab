import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { loadHttpClient } from '@/lib/api-client';
import { i18nReady } from '@/lib/i18n/i18n';

import { App } from './app/app';
import { preloadRoutesOnIntent } from './app/route-preload';
import { appRoutes } from './app/routes';
import './app/styles/tokens.css';
import './app/styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

preloadRoutesOnIntent(appRoutes);

const root = createRoot(container);
const render = () => {
  // axios is not needed for the first paint, but the page's first request soon needs it. Its
  // download starts once the language's strings are in, so it does not slow them down; a
  // failure here is tried again by that request.
  loadHttpClient().catch(() => undefined);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};
// A language that failed to load leaves keys on screen, which is still better than a blank page.
void i18nReady.then(render, render);
