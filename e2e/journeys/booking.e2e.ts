import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { firstFreeDay, logIn } from '../support/demo.js';

const CLIENT_EMAIL = 'lena.client@demo.coachhub.test';
const COACH_EMAIL = 'carla.coach@demo.coachhub.test';

/**
 * Lena books Carla (who confirms each booking herself) while Carla watches her bookings in a
 * second browser: the request appears there without a reload, Carla confirms it, and Lena's page
 * turns confirmed without a reload; Lena then downloads the calendar file.
 */
describe('booking journey', () => {
  let browser: Browser;
  let clientContext: BrowserContext;
  let coachContext: BrowserContext;
  let client: Page;
  let coach: Page;
  let bookingId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    clientContext = await newContext(browser, inject('baseUrl'));
    coachContext = await newContext(browser, inject('baseUrl'));
    client = await clientContext.newPage();
    coach = await coachContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the coach opens her bookings', async () => {
    await logIn(coach, COACH_EMAIL);
    await coach
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My practice' })
      .click();
    await coach.waitForURL('**/practice');
    await coach.getByTestId('bookings-browser').waitFor();
    await coach.waitForFunction(
      () =>
        document.querySelector('[data-testid="booking-card"], [data-testid="bookings-empty"]') !==
        null,
    );
  });

  test('a client picks a session, a day and a time, sees the price and books', async () => {
    await logIn(client, CLIENT_EMAIL);
    await client.goto('/coaches?q=Carla');
    await client.getByTestId('coach-card').getByRole('link', { name: 'Carla Jensen' }).click();
    await client.getByTestId('book-session').click();
    await client.waitForURL('**/book');

    await client.getByRole('radio', { name: /Intro call/ }).check();
    await (await firstFreeDay(client)).click();
    const times = client.getByTestId('slot-times');
    await times.getByRole('radio').first().check();
    const confirm = client.getByTestId('booking-confirm');
    await confirm.getByTestId('quote-total').waitFor();
    expect(await confirm.getByTestId('quote').textContent()).toContain('Intro call');
    await confirm.getByLabel('Notes for Carla').fill('I would like to prepare for a promotion.');
    await screenshot(client, 'booking-1-client-confirm');

    await confirm.getByRole('button', { name: 'Request this session' }).click();
    const success = client.getByTestId('booking-success');
    await success.waitFor();
    expect(await success.getAttribute('data-status')).toBe('pending');
    expect(await success.getByRole('heading').textContent()).toBe('Request sent');
    bookingId = (await success.getAttribute('data-booking-id')) ?? '';
    expect(bookingId).toMatch(/^[0-9a-f]{24}$/);
    await screenshot(client, 'booking-2-client-requested');
  });

  test('the coach sees the request appear without a reload and confirms it', async () => {
    const card = coach.locator(`[data-testid="booking-card"][data-booking-id="${bookingId}"]`);
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('data-status')).toBe('pending');
    expect(await card.textContent()).toContain('Lena Fischer');
    expect(await card.textContent()).toContain('I would like to prepare for a promotion.');
    await screenshot(coach, 'booking-3-coach-sees-request');

    await card.getByRole('button', { name: 'Confirm' }).click();
    await coach.waitForFunction(
      (id) =>
        document
          .querySelector(`[data-testid="booking-card"][data-booking-id="${id}"]`)
          ?.getAttribute('data-status') === 'confirmed',
      bookingId,
    );
    await screenshot(coach, 'booking-4-coach-confirmed');
  });

  test('the client sees it confirmed without a reload and downloads the calendar file', async () => {
    await client.waitForFunction(
      () =>
        document.querySelector('[data-testid="booking-success"]')?.getAttribute('data-status') ===
        'confirmed',
      undefined,
      { timeout: 10_000 },
    );
    const success = client.getByTestId('booking-success');
    expect(await success.getByRole('heading').textContent()).toBe('Your session is booked');

    await success.getByRole('link', { name: 'Go to my bookings' }).click();
    await client.waitForURL('**/bookings');
    const card = client.locator(`[data-testid="booking-card"][data-booking-id="${bookingId}"]`);
    expect(await card.getAttribute('data-status')).toBe('confirmed');
    expect(await card.getByTestId('meeting-link').getAttribute('href')).toMatch(/^https?:\/\//);

    const [download] = await Promise.all([
      client.waitForEvent('download'),
      card.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`coachhub-booking-${bookingId}.ics`);
    const ics = await readFile(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`UID:booking-${bookingId}@coachhub`);
    await screenshot(client, 'booking-5-client-confirmed');
  });
});
