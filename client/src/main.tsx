import { loadLocale } from '@/lib/i18n/locale-loading';
import { initialLocale } from '@/lib/i18n/locale-preference';

import './app/styles/tokens.css';
import './app/styles/base.css';

/*
 * The page's first script, kept tiny: it asks for the starting language's strings at once, so
 * they download beside the app (which index.html already preloads, vite-preload-app.ts) instead
 * of after it; the app renders once both are in.
 */
const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

void loadLocale(initialLocale());
void import('./app/start').then(({ startApp }) => startApp(container));
