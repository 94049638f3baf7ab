import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoachDTO } from '@coachhub/shared/coach';
import request from 'supertest';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoach } from '../../../test/coach-fixtures.js';
import { bearer, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { Coach } from '../../modules/coaches/coach.model.js';

const REPO = path.resolve(import.meta.dirname, '../../../..');
const CLIENT = path.join(REPO, 'client');

let workDir: string;
let t: TestServer;
let carla: SignedIn;
/** Pages are no part of the API's contract: plain supertest, not the contract-checked one. */
let pages: ReturnType<typeof request>;

/**
 * The real server render: the client's entry built as `npm run build` builds it, into a folder
 * under node_modules (its libraries are imports Node resolves from there), next to the page
 * template (removed after). No manifest, so no route assets are linked: what is checked is the page itself.
 */
async function buildPageRender(): Promise<string> {
  // Not under a dot folder (.cache): files there are never sent (the static file server's rule).
  const dir = await mkdtemp(path.join(REPO, 'node_modules', 'coachhub-page-render-test-'));
  await mkdir(path.join(dir, 'dist'));
  await writeFile(
    path.join(dir, 'dist', 'index.html'),
    await readFile(path.join(CLIENT, 'index.html'), 'utf8'),
  );
  await build({
    configFile: path.join(CLIENT, 'vite.config.ts'),
    root: CLIENT,
    logLevel: 'silent',
    build: {
      ssr: 'src/entry-server.tsx',
      outDir: path.join(dir, 'dist-ssr'),
      emptyOutDir: true,
      sourcemap: false,
    },
  });
  return dir;
}

beforeAll(async () => {
  workDir = await buildPageRender();
  // A long cache: only the changes themselves may make a new page show.
  t = await startTestServer(import.meta.filename, {
    CLIENT_DIST_DIR: path.join(workDir, 'dist'),
    PUBLIC_READ_CACHE_SECONDS: '300',
  });
  pages = request(t.server.httpServer);
  carla = await sessionFor(
    await createTestCoach({
      firstName: 'Carla',
      lastName: 'Mendes',
      profile: { headline: 'Career coach for new managers' },
    }),
  );
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const profileUrl = () => `/coaches/${carla.user._id}`;

interface PageState {
  locale: string;
  renderedMinute: number;
  queries: { queries: { queryKey: unknown[]; state: { data: unknown; status: string } }[] };
}

/** The data block the client hydrates from. */
function pageStateOf(html: string): PageState {
  const found = /<script type="application\/json" id="coachhub-page-state">(.*?)<\/script>/s.exec(
    html,
  );
  if (!found?.[1]) throw new Error('the page carries no state');
  return JSON.parse(found[1]) as PageState;
}

const rootOf = (html: string) => /<div id="root">(.*?)<\/div><script/s.exec(html)?.[1] ?? '';

describe('server-rendered public pages', () => {
  it('renders the landing page in English for a browser that asks for nothing else', async () => {
    const before = Date.now();
    const res = await pages.get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain('<html lang="en"');
    expect(rootOf(res.text)).toContain('Find the coach who moves you forward');
    expect(res.text).toMatch(/<title>[^<]+· CoachHub<\/title>/);
    const state = pageStateOf(res.text);
    expect(state.locale).toBe('en');
    // The minute it was drawn at, which the client hydrates its clocks with.
    expect(state.renderedMinute % 60_000).toBe(0);
    expect(state.renderedMinute).toBeGreaterThan(before - 60_000);
    expect(state.renderedMinute).toBeLessThanOrEqual(Date.now());
    // Rendered for a visitor: the session is known to be none.
    expect(state.queries.queries).toContainEqual(
      expect.objectContaining({
        queryKey: ['session', 'me'],
        state: expect.objectContaining({ data: null }),
      }),
    );
  });

  it('renders the directory with its coaches and the query data the client hydrates', async () => {
    const res = await pages.get('/coaches');
    expect(res.status).toBe(200);
    const root = rootOf(res.text);
    expect(root).toContain('Carla Mendes');
    expect(root).toContain('Career coach for new managers');
    const directory = pageStateOf(res.text).queries.queries.find(
      ({ queryKey }) => queryKey[0] === 'coaches' && queryKey[1] === 'directory',
    );
    // The key the page's own query uses, so the client finds the data and asks nothing.
    expect(directory?.queryKey).toEqual(['coaches', 'directory', { page: 1, limit: 12 }]);
    const items = (directory?.state.data as { items: CoachDTO[] }).items;
    expect(items.map((coach) => coach._id)).toContain(carla.user._id);
  });

  it('renders the directory in parts the client hydrates one after another', async () => {
    const root = rootOf((await pages.get('/coaches')).text);
    // React marks each Suspense boundary <!--$-->…<!--/$-->; the client hydrates each in its own
    // short tasks: the app, the layout, the page, the filters and the results.
    expect(root.match(/<!--\$-->/g)).toHaveLength(5);
    expect(root.match(/<!--\/\$-->/g)).toHaveLength(5);
    const filters = root.indexOf('data-testid="filter-specialty"');
    const results = root.indexOf('data-testid="directory-results"');
    expect(root.lastIndexOf('<!--$-->', filters)).toBeGreaterThan(root.indexOf('<h1'));
    expect(root.lastIndexOf('<!--$-->', results)).toBeGreaterThan(filters);
  });

  it('renders a coach profile with the same profile the API answers', async () => {
    const res = await pages.get(profileUrl());
    expect(res.status).toBe(200);
    const root = rootOf(res.text);
    expect(root).toContain('data-testid="coach-name">Carla Mendes</h1>');
    expect(root).toContain('Career coach for new managers');
    expect(res.text).toContain('<title>Carla Mendes · CoachHub</title>');
    const api = await t.http.get(`/api/coaches/${carla.user._id}`);
    const profile = pageStateOf(res.text).queries.queries.find(
      ({ queryKey }) => queryKey[1] === 'detail',
    );
    expect(profile?.queryKey).toEqual(['coaches', 'detail', carla.user._id]);
    expect(profile?.state.data).toEqual(api.body);
  });

  it('starts the app only after the page has painted: no script or preload before the markup', async () => {
    const res = await pages.get('/coaches');
    const head = res.text.slice(0, res.text.indexOf('<div id="root">'));
    expect(head).not.toMatch(/<script|modulepreload/);
    // index.html's entry, started by boot.js from the end of the body.
    expect(res.text).toContain(
      '<script type="module" src="/boot.js" data-entry="/src/main.tsx"></script></body>',
    );
  });

  it('answers 404 with the not-found page for a coach that does not exist', async () => {
    for (const id of ['507f1f77bcf86cd799439011', 'not-an-id']) {
      const res = await pages.get(`/coaches/${id}`);
      expect(res.status).toBe(404);
      expect(rootOf(res.text)).toContain('data-testid="coach-not-found"');
      expect(res.text).toContain('<title>Coach not found · CoachHub</title>');
    }
  });

  it('speaks the visitor’s stored language, else the browser’s, and says so in <html lang>', async () => {
    const german = await pages.get('/coaches').set('Accept-Language', 'de-DE,de;q=0.9,en;q=0.5');
    expect(german.text).toContain('<html lang="de"');
    expect(rootOf(german.text)).toContain('Coach finden');
    expect(pageStateOf(german.text).locale).toBe('de');
    expect(german.headers.vary).toMatch(/Accept-Language/);

    const chosen = await pages
      .get('/coaches')
      .set('Accept-Language', 'de-DE,de;q=0.9')
      .set('Cookie', 'coachhub_locale=en');
    expect(chosen.text).toContain('<html lang="en"');
    expect(rootOf(chosen.text)).toContain('Find a coach');

    const unknown = await pages.get('/coaches').set('Accept-Language', 'fr-FR');
    expect(unknown.text).toContain('<html lang="en"');
  });

  it('sends a signed-in browser the app shell, kept by no cache, and no visitor’s page', async () => {
    for (const signedIn of [
      (test: request.Test) => test.set('Cookie', 'coachhub_signed_in=1'),
      (test: request.Test) => test.set(bearer(carla.accessToken)),
    ]) {
      const res = await signedIn(pages.get(profileUrl()));
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.text).not.toContain('coachhub-page-state');
      expect(res.text).not.toContain('Carla Mendes');
    }
  });

  it('sends the app shell for pages it does not render', async () => {
    const res = await pages.get('/login');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('keeps a rendered page, and renders it again on the next request after a profile edit', async () => {
    const before = await pages.get(profileUrl());
    expect(rootOf(before.text)).toContain('Career coach for new managers');
    // A change that bypasses the app is not seen: the page is kept, not rendered again.
    await Coach.updateOne({ user: carla.user._id }, { headline: 'Written behind the app’s back' });
    expect(rootOf((await pages.get(profileUrl())).text)).toContain('Career coach for new managers');

    const edit = await t.http
      .patch(`/api/coaches/${carla.user._id}`)
      .set(bearer(carla.accessToken))
      .send({ headline: 'Executive coach' });
    expect(edit.status).toBe(200);
    const profile = await pages.get(profileUrl());
    expect(rootOf(profile.text)).toContain('Executive coach');
    const directory = await pages.get('/coaches');
    expect(rootOf(directory.text)).toContain('Executive coach');
  });
});
