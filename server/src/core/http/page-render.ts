import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from '@coachhub/shared/locales';
import {
  LOCALE_COOKIE,
  PAGE_STATE_ELEMENT_ID,
  SESSION_HINT_COOKIE,
  type PageRenderEntry,
  type PublicPageData,
  type RenderedPage,
} from '@coachhub/shared/page-render';
import type { Request, RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger.js';
import { errorText } from '../errors.js';

/** Where the client build writes the server render (client/vite.config.ts, `vite build --ssr`). */
export const pageRenderEntryFile = (clientDistDir: string): string =>
  path.join(path.dirname(clientDistDir), 'dist-ssr', 'entry-server.js');

/** Enough for every directory page and profile of a large demo in both languages. */
const MAX_PAGES = 1000;
const MAX_BYTES = 32 * 1024 * 1024;

/** A page rendered for a visitor, kept until a change drops it (or its time runs out). */
interface KeptPage {
  status: number;
  html: string;
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

export interface PageRenderOptions {
  clientDistDir: string;
  data: PublicPageData;
  logger: Logger;
  /** How long a rendered page may be sent again without a change dropping it; 0: never kept. */
  ttlMs: number;
  /** Registers a listener called with every change that may show on a public page. */
  onPublicChange(listener: () => void): void;
  /** The built server render (defaults to the client build's, `pageRenderEntryFile`). */
  entryFile?: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);

/** The visitor's stored choice (the client mirrors it in a cookie), else the browser's, else English. */
export function pageLocale(req: Request): Locale {
  const cookies = req.cookies as Record<string, unknown> | undefined;
  const chosen = cookies?.[LOCALE_COOKIE];
  if (isLocale(chosen)) return chosen;
  if (req.get('accept-language') === undefined) return DEFAULT_LOCALE;
  const accepted = req.acceptsLanguages(...SUPPORTED_LOCALES);
  return isLocale(accepted) ? accepted : DEFAULT_LOCALE;
}

/** A browser that holds a session gets the app shell: the server renders only what anyone sees. */
const isSignedIn = (req: Request): boolean => {
  const cookies = req.cookies as Record<string, unknown> | undefined;
  return req.get('authorization') !== undefined || cookies?.[SESSION_HINT_COOKIE] === '1';
};

/** A built stylesheet's text, read once (the build does not change while the server runs). */
function createStylesheetReader(clientDistDir: string) {
  const read = new Map<string, string>();
  return (file: string): string => {
    let text = read.get(file);
    if (text === undefined) {
      // `</style` cannot occur in CSS Vite writes, but a stylesheet must never end the element.
      text = readFileSync(path.join(clientDistDir, file), 'utf8').replace(
        /<\/style/gi,
        '<\\/style',
      );
      read.set(file, text);
    }
    return text;
  };
}

/**
 * What a page's route needs beyond what index.html loads. Its styles (and the app's) are written
 * into the page: the first paint waits for no stylesheet request, which would queue behind the
 * scripts on the browser's few connections. Each stays named by a disabled `<link>` (never
 * fetched), so the route's chunk finds it there and does not add it again.
 */
function createAssetLinks(manifest: Manifest, stylesheet: (file: string) => string) {
  const closure = (keys: string[], into = new Set<string>()) => {
    for (const key of keys) {
      if (into.has(key) || !manifest[key]) continue;
      into.add(key);
      closure(manifest[key]?.imports ?? [], into);
    }
    return into;
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const loadedByIndex = closure(entries);
  const entryCss = [...loadedByIndex].flatMap((key) => manifest[key]?.css ?? []);
  return (modules: string[]): { styles: string; links: string } => {
    const css = [...entryCss];
    const links: string[] = [];
    for (const key of closure(modules)) {
      if (loadedByIndex.has(key)) continue;
      const chunk = manifest[key];
      if (!chunk) continue;
      for (const file of chunk.css ?? []) {
        css.push(file);
        links.push(`<link rel="stylesheet" crossorigin href="/${file}" disabled>`);
      }
    }
    return { styles: `<style>${css.map(stylesheet).join('\n')}</style>`, links: links.join('') };
  };
}

/** index.html's entry script and the preloads Vite writes beside it. */
const ENTRY_SCRIPT = /<script type="module"(?: crossorigin)? src="([^"]+)"><\/script>/;
const MODULE_PRELOADS = /<link rel="modulepreload"[^>]*>/g;

/**
 * A rendered page is readable before any script runs, so its scripts wait until it has painted:
 * `boot.js` (client/public) starts the entry then. Requested from the head, they would share the
 * connection with the page on a slow link, and a paint that came after them would count them as
 * what it waited for (Lighthouse's simulated LCP of the same build swung from 0.8 to 2.8 s).
 */
function startAfterFirstPaint(document: string, entry: string): string {
  return document
    .replace(ENTRY_SCRIPT, '')
    .replace(MODULE_PRELOADS, '')
    .replace(
      '</body>',
      () =>
        `<script type="module" src="/boot.js" data-entry="${escapeHtml(entry)}"></script></body>`,
    );
}

function createDocument(clientDistDir: string) {
  const template = readFileSync(path.join(clientDistDir, 'index.html'), 'utf8');
  const entry = ENTRY_SCRIPT.exec(template)?.[1];
  const finish = (document: string) =>
    entry === undefined ? document : startAfterFirstPaint(document, entry);
  const manifestFile = path.join(clientDistDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) {
    return (page: RenderedPage, locale: Locale): string =>
      finish(fillTemplate(template, page, locale));
  }
  const assets = createAssetLinks(
    JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest,
    createStylesheetReader(clientDistDir),
  );
  return (page: RenderedPage, locale: Locale): string => {
    const { styles, links } = assets(page.modules);
    return finish(
      fillTemplate(template, page, locale)
        .replace(/<link rel="stylesheet"[^>]*>/g, '')
        .replace('</head>', () => `${styles}${links}</head>`),
    );
  };
}

function fillTemplate(template: string, page: RenderedPage, locale: Locale): string {
  return template
    .replace(/<html lang="[^"]*"/, `<html lang="${locale}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      '<div id="root"></div>',
      () =>
        `<div id="root">${page.markup}</div>` +
        `<script type="application/json" id="${PAGE_STATE_ELEMENT_ID}">${page.state}</script>`,
    );
}

/**
 * Renders the public pages (landing, directory, a coach's profile) on the server for visitors,
 * with the client build's server entry; every other request goes on to the app shell. Null when
 * the entry is not built (API-only runs, tests that do not build the client).
 */
export function createPageRender(options: PageRenderOptions): RequestHandler | null {
  const entryFile = options.entryFile ?? pageRenderEntryFile(options.clientDistDir);
  if (!existsSync(entryFile) || !existsSync(path.join(options.clientDistDir, 'index.html'))) {
    return null;
  }
  const document = createDocument(options.clientDistDir);
  let entry: Promise<PageRenderEntry> | undefined;
  const loadEntry = () => {
    entry ??= import(pathToFileURL(entryFile).href) as Promise<PageRenderEntry>;
    return entry;
  };
  const kept =
    options.ttlMs > 0
      ? new LRUCache<string, KeptPage>({
          max: MAX_PAGES,
          maxSize: MAX_BYTES,
          sizeCalculation: (page) => page.html.length + 100,
          ttl: options.ttlMs,
        })
      : null;
  // Bumped by every change: a page rendered from data read before it is never kept after it.
  let generation = 0;
  options.onPublicChange(() => {
    generation += 1;
    kept?.clear();
  });

  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (isSignedIn(req)) {
      // The shell, never a visitor's page, and nothing a cache may keep for the next person.
      res.set('Cache-Control', 'private, no-store');
      return next();
    }
    const locale = pageLocale(req);
    const key = `${locale} ${req.originalUrl}`;
    res.vary('Accept-Language').vary('Cookie');
    const send = (page: KeptPage) => {
      res.status(page.status).set('Cache-Control', 'no-cache').type('html').send(page.html);
    };
    const found = kept?.get(key);
    if (found) return send(found);
    const renderedIn = generation;
    try {
      const { renderPage } = await loadEntry();
      const page = await renderPage({ url: req.originalUrl, locale, data: options.data });
      if (!page) return next();
      const rendered = { status: page.status, html: document(page, locale) };
      if (renderedIn === generation) kept?.set(key, rendered);
      send(rendered);
    } catch (error) {
      // The app shell still works: the browser renders the page itself.
      options.logger.error('Server render failed; the app shell was sent', {
        url: req.originalUrl,
        error: errorText(error),
      });
      next();
    }
  };
}
