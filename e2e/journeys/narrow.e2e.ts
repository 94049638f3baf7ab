import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { logIn } from '../support/demo.js';

const WIDTH = 360;

/** A phone: 360 CSS pixels wide, touch, the same language and zone as the other journeys. */
function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    viewport: { width: WIDTH, height: 780 },
    isMobile: true,
    hasTouch: true,
  });
}

/** How far the page reaches to the right: nothing may need sideways scrolling. */
const pageWidth = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));

/** Opens `path`, waits until `ready` is visible, and checks the page fits and the menu is there. */
async function expectFits(page: Page, path: string, ready: string, name: string): Promise<void> {
  await page.goto(path);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await screenshot(page, `narrow-${name}`);
  expect(await pageWidth(page), `${path} is wider than ${WIDTH} px`).toBeLessThanOrEqual(WIDTH);
  const menu = page.getByRole('button', { name: /menu/i });
  await menu.waitFor();
  const box = await menu.boundingBox();
  expect(box, 'the menu button is on screen').not.toBeNull();
  expect((box?.x ?? WIDTH) + (box?.width ?? 0)).toBeLessThanOrEqual(WIDTH);
}

/** Every page at 360 px: no sideways scrolling, the menu button reachable. */
describe('pages on a 360 px phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('public pages', async () => {
    const page = await (await phoneContext(browser)).newPage();
    await expectFits(page, '/', 'h1', 'landing');
    await expectFits(page, '/coaches', '[data-testid="coach-card"]', 'directory');
    await page.getByTestId('coach-card').first().getByRole('link').first().click();
    await page.waitForURL(/\/coaches\/[0-9a-f]{24}/);
    await expectFits(page, new URL(page.url()).pathname, 'h1', 'coach-profile');
    await expectFits(page, '/login', '[data-testid="login-form"]', 'login');
    await expectFits(page, '/register', 'form', 'register');
  });

  test("a client's pages", async () => {
    const page = await (await phoneContext(browser)).newPage();
    await logIn(page, 'lena.client@demo.coachhub.test');
    await expectFits(page, '/dashboard', 'h1', 'client-dashboard');
    await expectFits(page, '/bookings', '[data-testid="booking-card"]', 'client-bookings');
    // Booking a session (signed in: the page asks anonymous visitors to sign in first), with a
    // session type picked so the month calendar shows.
    await page.goto('/coaches?q=Carla');
    await page.getByTestId('coach-card').getByRole('link', { name: 'Carla Jensen' }).click();
    await page.waitForURL(/\/coaches\/[0-9a-f]{24}/);
    await expectFits(page, `${new URL(page.url()).pathname}/book`, 'h1', 'book');
    await page.getByRole('radio', { name: /Intro call/ }).check();
    await page.getByTestId('month-calendar').waitFor();
    await screenshot(page, 'narrow-book-calendar');
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
    await expectFits(page, '/messages', 'nav[aria-label="Conversations"]', 'messages');
    await expectFits(page, '/account', 'h1', 'account');
  });

  test("a coach's pages", async () => {
    const page = await (await phoneContext(browser)).newPage();
    await logIn(page, 'carla.coach@demo.coachhub.test');
    await expectFits(page, '/practice', '[data-testid="bookings-browser"]', 'practice');
    await expectFits(page, '/dashboard', 'h1', 'coach-dashboard');
    await expectFits(page, '/practice/overview', '[data-testid="overview-week"]', 'coach-figures');
  });

  test("an admin's pages", async () => {
    const page = await (await phoneContext(browser)).newPage();
    await logIn(page, 'admin@demo.coachhub.test');
    await expectFits(page, '/admin', '[data-testid="admin-figures"]', 'admin-overview');
    await expectFits(page, '/admin/users', '[data-testid="admin-user"]', 'admin-users');
    await expectFits(page, '/admin/coaches', 'h1', 'admin-coaches');
    await expectFits(page, '/admin/reports?status=all', 'h1', 'admin-reports');
    await expectFits(page, '/admin/reviews', 'h1', 'admin-reviews');
    await expectFits(
      page,
      '/admin/bookings?q=a',
      '[data-testid="admin-booking"]',
      'admin-bookings',
    );
    await expectFits(page, '/admin/audit-log', 'h1', 'admin-audit-log');
  });
});
