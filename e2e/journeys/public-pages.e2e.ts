import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../support/browser.js';

interface PageWatch {
  /** Console errors and uncaught errors: React reports a hydration mismatch there. */
  errors: string[];
  /** Every API request the page made, as a path with its query. */
  apiRequests: string[];
}

/** Watches a page from its first request: what it asked the API and what went wrong. */
function watch(page: Page): PageWatch {
  const seen: PageWatch = { errors: [], apiRequests: [] };
  page.on('console', (message) => {
    // The 404 page's own status is logged by Chromium as a failed resource; it is the point.
    if (message.type() === 'error' && !message.text().includes('status of 404')) {
      seen.errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) seen.apiRequests.push(url.pathname + url.search);
  });
  return seen;
}

/** True once React has hydrated the server's markup (its root carries React's own keys). */
const hydrated = (page: Page) =>
  page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main !== null && Object.keys(main).some((key) => key.startsWith('__react'));
  });

describe('public pages rendered on the server', () => {
  let browser: Browser;
  let context: BrowserContext;
  let coachId: string;
  let coachName: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const baseUrl = inject('baseUrl');
    const directory = (await (await fetch(`${baseUrl}/api/coaches?limit=1`)).json()) as {
      items: { _id: string; firstName: string; lastName: string }[];
    };
    const [coach] = directory.items;
    if (!coach) throw new Error('the demo has no coach');
    coachId = coach._id;
    coachName = `${coach.firstName} ${coach.lastName}`;
  });

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (path: string, options: { javaScript?: boolean; clock?: Date } = {}) => {
    // As support/browser.ts's newContext, which cannot turn JavaScript off.
    context = await browser.newContext({
      baseURL: inject('baseUrl'),
      locale: 'en-US',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1280, height: 800 },
      javaScriptEnabled: options.javaScript ?? true,
    });
    // The browser's clock, when a test needs it elsewhere than the server's.
    if (options.clock) await context.clock.setFixedTime(options.clock);
    const page = await context.newPage();
    const seen = watch(page);
    const response = await page.goto(path);
    return { page, seen, status: response?.status() };
  };

  test('the directory shows its coaches without JavaScript', async () => {
    const { page, status } = await open('/coaches', { javaScript: false });
    expect(status).toBe(200);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Find a coach' }).isVisible(),
    ).resolves.toBe(true);
    expect(await page.getByTestId('coach-card').count()).toBeGreaterThan(0);
    await context.close();
  });

  test('the directory hydrates without asking the API again and without a mismatch', async () => {
    const { page, seen } = await open('/coaches');
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    expect(seen.errors).toEqual([]);
    expect(seen.apiRequests.filter((path) => path.startsWith('/api/coaches'))).toEqual([]);
    // Hydrated means working: a card's link navigates inside the app.
    await page.getByTestId('coach-card').first().getByRole('link').first().click();
    await page.waitForURL('**/coaches/*');
    await expect(page.getByTestId('coach-name').textContent()).resolves.toBeTruthy();
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  test('the directory, hydrated in parts, filters at once without a mismatch', async () => {
    const { page, seen } = await open('/coaches');
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    const filtered = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/coaches' &&
        new URL(response.url()).searchParams.get('specialty') === 'leadership',
    );
    await page.getByTestId('filter-specialty').selectOption('leadership');
    await page.waitForURL(/specialty=leadership/);
    expect((await filtered).status()).toBe(200);
    // Only the new search was asked for: the page shown first came with the markup.
    expect(seen.apiRequests.filter((path) => path.startsWith('/api/coaches'))).toHaveLength(1);
    await expect(page.getByTestId('coach-card').count()).resolves.toBeGreaterThan(0);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  test('a coach profile hydrates with the profile it was rendered with', async () => {
    const { page, seen } = await open(`/coaches/${coachId}`);
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('coach-name').textContent()).resolves.toBe(coachName);
    expect(seen.errors).toEqual([]);
    expect(seen.apiRequests).not.toContain(`/api/coaches/${coachId}`);
    await context.close();
  });

  test('a coach profile hydrated in a later minute than it was rendered has no mismatch', async () => {
    // As when the page loads slowly across a minute's turn, or the server kept it for a while.
    const later = new Date(Date.now() + 150_000);
    const { page, seen } = await open(`/coaches/${coachId}`, { clock: later });
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    expect(seen.errors).toEqual([]);
    // After hydrating, the coach's local time is the browser's minute, not the server's.
    const minute = new Date(Math.floor(later.getTime() / 60_000) * 60_000).toISOString();
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="coach-local-time"]')?.getAttribute('datetime') ===
        expected,
      minute,
    );
    await context.close();
  });

  test('the landing page hydrates in the language the visitor chose', async () => {
    const { page, seen } = await open('/');
    await hydrated(page);
    await page.getByTestId('language-switch').selectOption('de');
    // The switch waits for the German strings to arrive.
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    // The choice reaches the server: the next page is rendered in German.
    const next = await page.goto('/coaches');
    expect(await next?.text()).toContain('<html lang="de"');
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Coach finden',
    );
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  test('an unknown coach is a 404 page', async () => {
    const { page, seen, status } = await open('/coaches/507f1f77bcf86cd799439011');
    expect(status).toBe(404);
    await hydrated(page);
    await expect(page.getByTestId('coach-not-found').isVisible()).resolves.toBe(true);
    expect(seen.errors).toEqual([]);
    await context.close();
  });
});
