import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newContext, screenshot, uniqueEmail } from '../support/browser.js';
import { DEMO_PASSWORD } from '../support/demo.js';

const PASSWORD = 'Journey-passw0rd-2026';

/**
 * A 32x32 PNG made for this test (a white "C" on teal, 169 bytes), so the upload needs no file
 * on disk and the server's content check sees a real image.
 */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAcElEQVR42u2WMRYAEAxD3cBNja4fswFtNVnIM+IbImmpvVFXeQOAhRIAMCgIgFM+AEKyAnChM8B+0rjzDPC6YAeIGdHhovTbJwDj+TtAflR8wHuAfJvSP5oiKuhhp4hreuEoKlNR+oqxRTR4/eG3twEGMu7Eu/m2swAAAABJRU5ErkJggg==',
  'base64',
);

const textOf = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

/**
 * Every card's text once the results of a new search have arrived. The URL changes before the
 * page renders the new search, and the previous results stay on screen (busy) while it loads, so
 * this waits for the count to change and the list to settle.
 */
const resultsAfter = async (page: Page, previousCount: string) => {
  await page.waitForFunction((previous) => {
    const count = document.querySelector('[data-testid="directory-count"]')?.textContent ?? '';
    const results = document.querySelector('[data-testid="directory-results"]');
    return (
      count !== '' && count !== previous && results !== null && !results.hasAttribute('aria-busy')
    );
  }, previousCount);
  return page.getByTestId('coach-card').allTextContents();
};

describe('coaches journey', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('a client finds a coach', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(browser, inject('baseUrl'));
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    test('searches the directory, filters by a language and opens a profile', async () => {
      await page.goto('/login');
      const form = page.getByTestId('login-form');
      await form.getByLabel('Email').fill('lena.client@demo.coachhub.test');
      await form.getByLabel('Password').fill(DEMO_PASSWORD);
      await form.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL('**/dashboard');

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Find a coach' })
        .click();
      await page.waitForURL('**/coaches');
      expect((await resultsAfter(page, '')).length).toBeGreaterThan(1);
      const allCount = await textOf(page, 'directory-count');
      expect(allCount).toMatch(/^\d+ coaches found$/);

      await page.getByRole('searchbox', { name: 'Search' }).fill('career');
      await page.waitForURL('**/coaches?q=career');
      const careerCoaches = await resultsAfter(page, allCount);
      for (const card of careerCoaches) expect(card.toLowerCase()).toContain('career');
      const careerCount = await textOf(page, 'directory-count');

      const filters = page.getByRole('region', { name: 'Filter coaches' });
      await filters.getByLabel('Language', { exact: true }).selectOption('de');
      await page.waitForURL('**/coaches?q=career&language=de');
      const germanSpeakers = await resultsAfter(page, careerCount);
      expect(germanSpeakers.length).toBeGreaterThan(0);
      expect(germanSpeakers.length).toBeLessThan(careerCoaches.length);
      for (const card of germanSpeakers) expect(card).toContain('German');
      await screenshot(page, 'coaches-1-directory-filtered');

      const firstCard = page.getByTestId('coach-card').first();
      const name = ((await firstCard.getByRole('link').first().textContent()) ?? '').trim();
      await firstCard.getByRole('link', { name }).click();
      await page.waitForURL(/\/coaches\/[0-9a-f]{24}$/);

      await page.getByTestId('coach-profile').waitFor();
      expect(await textOf(page, 'coach-name')).toBe(name);
      expect(await textOf(page, 'coach-headline')).not.toBe('');
      expect(await textOf(page, 'coach-languages')).toContain('German');
      expect(await textOf(page, 'coach-price')).toMatch(/^From [€$£]|^From CHF/);
      expect(await textOf(page, 'coach-time-zone')).toMatch(/\//);
      expect(await textOf(page, 'coach-local-time')).toMatch(/\d{2}:\d{2}/);
      const avatar = page.getByRole('img', { name: `Photo of ${name}` });
      await expect(
        avatar.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0),
      ).resolves.toBe(true);
      expect(await page.getByTestId('book-session').getAttribute('href')).toMatch(/\/book$/);
      expect(await page.getByTestId('message-coach').getAttribute('href')).toMatch(
        /^\/messages\?with=/,
      );
      await screenshot(page, 'coaches-2-profile');

      // Back restores the whole search from the URL.
      await page.goBack();
      await page.waitForURL('**/coaches?q=career&language=de');
      await expect(filters.getByLabel('Language', { exact: true }).inputValue()).resolves.toBe(
        'de',
      );
      await expect(page.getByRole('searchbox', { name: 'Search' }).inputValue()).resolves.toBe(
        'career',
      );
    });
  });

  describe('a new user becomes a coach', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(browser, inject('baseUrl'));
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    test('registers, becomes a coach from the account page and is told about verification', async () => {
      await page.goto('/register');
      const register = page.getByTestId('register-form');
      await register.getByLabel('First name').fill('Grace');
      await register.getByLabel('Last name').fill('Hopper');
      await register.getByLabel('Email').fill(uniqueEmail('grace'));
      await register.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await register.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL('**/dashboard');

      await page.getByTestId('account-link').click();
      const form = page.getByTestId('become-coach-form');
      await form.getByLabel('Headline').fill('Leadership coach for engineers who became managers');
      await form.getByRole('checkbox', { name: 'Leadership' }).check();
      await form.getByRole('checkbox', { name: 'Career' }).check();
      await form.getByRole('checkbox', { name: 'German' }).check();
      await form.getByRole('button', { name: 'Become a coach' }).click();

      await page.getByTestId('coach-pending-notice').waitFor();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'My profile' }).waitFor();
      await screenshot(page, 'coaches-3-became-coach');
    });

    test('uploads a profile picture in the editor and sees it previewed, then shown', async () => {
      await page.getByRole('link', { name: 'Edit your coach profile' }).click();
      await page.waitForURL('**/practice/profile');
      await page.getByTestId('verification-notice').waitFor();

      await page.getByTestId('picture-input').setInputFiles({
        name: 'grace.png',
        mimeType: 'image/png',
        buffer: TINY_PNG,
      });
      const preview = page.getByRole('img', { name: 'Preview of your new picture' });
      await preview.waitFor();
      expect(await preview.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await screenshot(page, 'coaches-4-picture-preview');

      await page.getByTestId('picture-save').click();
      await page.getByText('Your picture has been updated.').waitFor();
      const avatar = page
        .getByTestId('picture-upload')
        .getByRole('img', { name: 'Photo of Grace Hopper' });
      await page.waitForFunction(() => {
        const image = document.querySelector<HTMLImageElement>(
          '[data-testid="picture-upload"] img[data-testid="coach-avatar"]',
        );
        return Boolean(
          image?.src.includes('/uploads/coach-pictures/') &&
          image.complete &&
          image.naturalWidth > 0,
        );
      });
      const uploadedUrl = await avatar.getAttribute('src');
      expect(uploadedUrl).toMatch(/^\/uploads\/coach-pictures\/[0-9a-f]+\.png$/);
      await expect(preview.count()).resolves.toBe(0);
      await screenshot(page, 'coaches-5-picture-uploaded');

      // The public profile shows the same picture (a pending coach sees their own profile).
      await page.getByTestId('public-profile-link').click();
      await page.getByTestId('coach-profile').waitFor();
      await expect(
        page.getByRole('img', { name: 'Photo of Grace Hopper' }).getAttribute('src'),
      ).resolves.toBe(uploadedUrl);
      await page.getByTestId('verification-notice').waitFor();
      await screenshot(page, 'coaches-6-own-profile');
    });
  });
});
