import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { firstFreeDay, logIn } from '../support/demo.js';

/** The demo client who has no booking journey of his own in these tests. */
const CLIENT_EMAIL = 'tom.client@demo.coachhub.test';
const COACH_EMAIL = 'carla.coach@demo.coachhub.test';
const LIVE_MS = 10_000;

/** What the notification bell says about unread notifications (its accessible name). */
const bellLabel = (page: Page) => page.getByTestId('notification-bell').getAttribute('aria-label');

/**
 * A client writes to a coach from her profile while the coach has Messages open in another
 * browser: messages go both ways live; the coach proposes a time in the chat, the client accepts
 * it and both see the booking; the client's notification about the proposal is read from the bell
 * and its count drops.
 */
describe('chat journey', () => {
  let browser: Browser;
  let clientContext: BrowserContext;
  let coachContext: BrowserContext;
  let client: Page;
  let coach: Page;

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

  test('the client writes to the coach from her profile', async () => {
    await logIn(coach, COACH_EMAIL);
    await coach.goto('/messages');
    await coach.getByRole('navigation', { name: 'Conversations' }).waitFor();

    await logIn(client, CLIENT_EMAIL);
    await client.goto('/coaches?q=Carla');
    await client.getByTestId('coach-card').getByRole('link', { name: 'Carla Jensen' }).click();
    await client.getByRole('link', { name: 'Send a message' }).click();
    await client.waitForURL(/\/messages\?conversation=[0-9a-f]{24}/);
    const composer = client.getByRole('form', { name: 'Your message' });
    await composer.getByRole('textbox').fill('Hello Carla, could we talk about my new team?');
    await composer.getByRole('textbox').press('Enter');
    await client
      .getByTestId('message-history')
      .getByText('Hello Carla, could we talk about my new team?')
      .waitFor();
    await screenshot(client, 'chat-1-client-wrote');
  });

  test('the coach sees it arrive without a reload and answers; the client sees the answer live', async () => {
    const conversations = coach.getByRole('navigation', { name: 'Conversations' });
    const fromClient = conversations.getByRole('link', { name: /Tom Becker/ });
    await fromClient.waitFor({ timeout: LIVE_MS });
    await fromClient.click();
    await coach
      .getByTestId('message-history')
      .getByText('Hello Carla, could we talk about my new team?')
      .waitFor({ timeout: LIVE_MS });

    const composer = coach.getByRole('form', { name: 'Your message' });
    await composer.getByRole('textbox').fill('Of course! Let me propose a time.');
    await composer.getByRole('button', { name: 'Send' }).click();
    await client
      .getByTestId('message-history')
      .getByText('Of course! Let me propose a time.')
      .waitFor({ timeout: LIVE_MS });
    await screenshot(coach, 'chat-2-coach-answered');
  });

  test('the coach proposes a time in the conversation; the client accepts it', async () => {
    const before = await bellLabel(client);
    await coach.getByRole('button', { name: 'Propose a time' }).click();
    await coach.getByRole('radio', { name: /Intro call/ }).check();
    await (await firstFreeDay(coach)).click();
    await coach.getByTestId('slot-times').getByRole('radio').first().check();
    await coach.getByTestId('send-proposal').click();
    const coachCard = coach.locator('.proposal-card').last();
    await coachCard.waitFor({ timeout: LIVE_MS });
    expect(await coachCard.getByTestId('proposal-status').textContent()).toBe(
      'Waiting for an answer',
    );

    const clientCard = client.locator('.proposal-card').last();
    await clientCard.waitFor({ timeout: LIVE_MS });
    expect(await clientCard.textContent()).toContain('Intro call');
    // The proposal is also a notification: the bell counts one more.
    await client.waitForFunction(
      (previous) =>
        document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') !==
        previous,
      before,
      { timeout: LIVE_MS },
    );
    expect(await bellLabel(client)).toMatch(/Notifications, \d+ unread/);
    await screenshot(client, 'chat-3-client-sees-proposal');

    await clientCard.getByRole('button', { name: 'Accept' }).click();
    await clientCard.getByText('The session is booked.').waitFor({ timeout: LIVE_MS });
    expect(await clientCard.getByTestId('proposal-status').textContent()).toBe('Accepted');
    await coach.waitForFunction(
      () =>
        [...document.querySelectorAll('.proposal-card [data-testid="proposal-status"]')].at(-1)
          ?.textContent === 'Accepted',
      undefined,
      { timeout: LIVE_MS },
    );
    await screenshot(coach, 'chat-4-coach-sees-accepted');
  });

  test('both see the booking, confirmed', async () => {
    await client
      .locator('.proposal-card')
      .last()
      .getByRole('link', { name: 'See it in My bookings' })
      .click();
    await client.waitForURL('**/bookings');
    const clientBooking = client.locator('[data-testid="booking-card"][data-status="confirmed"]', {
      hasText: 'Carla Jensen',
    });
    await clientBooking.first().waitFor({ timeout: LIVE_MS });

    await coach
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My practice' })
      .click();
    await coach.waitForURL('**/practice');
    const coachBooking = coach.locator('[data-testid="booking-card"][data-status="confirmed"]', {
      hasText: 'Tom Becker',
    });
    await coachBooking.first().waitFor({ timeout: LIVE_MS });
    await screenshot(coach, 'chat-5-coach-booking');
  });

  test('the client reads the notification from the bell and the count drops', async () => {
    const unreadBefore = Number(/(\d+) unread/.exec((await bellLabel(client)) ?? '')?.[1] ?? 0);
    expect(unreadBefore).toBeGreaterThan(0);
    await client.getByTestId('notification-bell').click();
    const panel = client.getByRole('dialog', { name: 'Notifications' });
    const proposal = panel.getByRole('link', { name: /Carla Jensen proposed “Intro call”/ });
    await proposal.first().click();
    await client.waitForURL(/\/messages\?conversation=[0-9a-f]{24}/);
    await client.waitForFunction(
      (previous) => {
        const label =
          document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ??
          '';
        const count = Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
        return count < previous;
      },
      unreadBefore,
      { timeout: LIVE_MS },
    );
    await screenshot(client, 'chat-6-client-read-notification');
  });
});
