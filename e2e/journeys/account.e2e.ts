import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newContext, screenshot, uniqueEmail } from '../support/browser.js';

const PASSWORD = 'Journey-passw0rd-2026';

/**
 * A newcomer registers, switches the interface to German, logs out, logs in again and lands on
 * the dashboard, still in German (the choice is remembered with the account).
 */
describe('account journey', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const email = uniqueEmail('ada');

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, inject('baseUrl'));
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a new user registers and sees the dashboard', async () => {
    await page.goto('/register');
    const form = page.getByTestId('register-form');
    await form.getByLabel('First name').fill('Ada');
    await form.getByLabel('Last name').fill('Lovelace');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL('**/dashboard');
    // A new account is welcomed, not welcomed back (for its first day).
    await expect(page.getByTestId('dashboard-greeting').textContent()).resolves.toBe(
      'Welcome, Ada!',
    );
    await screenshot(page, 'account-1-dashboard-en');
  });

  test('switching to German translates the interface', async () => {
    await page.getByTestId('language-switch').selectOption('de');

    await page.waitForFunction(() => document.documentElement.lang === 'de');
    await expect(page.getByTestId('dashboard-greeting').textContent()).resolves.toBe(
      'Willkommen, Ada!',
    );
    await expect(page.getByTestId('logout-button').textContent()).resolves.toContain('Abmelden');
    await screenshot(page, 'account-2-dashboard-de');
  });

  test('logging out ends the session', async () => {
    await page.getByTestId('logout-button').click();
    await page.waitForFunction(() => !location.pathname.startsWith('/dashboard'));

    await page.goto('/dashboard');
    await page.waitForURL('**/login**');
    await expect(page.getByTestId('login-form').isVisible()).resolves.toBe(true);
  });

  test('logging in again lands on the dashboard, still in German', async () => {
    const form = page.getByTestId('login-form');
    await form.getByLabel('E-Mail').fill(email);
    await form.getByLabel('Passwort').fill(PASSWORD);
    await form.getByRole('button', { name: 'Anmelden' }).click();

    await page.waitForURL('**/dashboard');
    await expect(page.getByTestId('dashboard-greeting').textContent()).resolves.toBe(
      'Willkommen, Ada!',
    );
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('de');
    await screenshot(page, 'account-3-dashboard-after-login');
  });

  test('a fresh browser logs in and gets the German interface from the account', async () => {
    const fresh = await newContext(browser, inject('baseUrl'));
    const other = await fresh.newPage();
    await other.goto('/login');
    const form = other.getByTestId('login-form');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Log in' }).click();

    await other.waitForURL('**/dashboard');
    await other.waitForFunction(() => document.documentElement.lang === 'de');
    await expect(other.getByTestId('dashboard-greeting').textContent()).resolves.toBe(
      'Willkommen, Ada!',
    );
    await fresh.close();
  });
});
