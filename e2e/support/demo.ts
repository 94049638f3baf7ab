import type { Locator, Page } from 'playwright-core';

/** The password of every demo account the seed creates. */
export const DEMO_PASSWORD = 'CoachHub-demo-1';

/** Signs a demo account in through the login form and waits for the dashboard. */
export async function logIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  const form = page.getByTestId('login-form');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(DEMO_PASSWORD);
  await form.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/dashboard');
}

/** The first day of the shown month with free times; the next month when this one has none. */
export async function firstFreeDay(page: Page): Promise<Locator> {
  const calendar = page.getByTestId('month-calendar');
  const free = calendar.locator('button[data-available="true"]');
  for (let month = 0; month < 3; month += 1) {
    // A month's free times are in once the grid is not busy and says what it has.
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="month-calendar"]:not([aria-busy])') !== null &&
        (document.querySelector('[data-testid="no-slots"]') !== null ||
          document.querySelector('button[data-available="true"]') !== null),
    );
    if ((await free.count()) > 0) return free.first();
    await page.getByTestId('calendar-next-month').click();
  }
  throw new Error('no free day within three months');
}
