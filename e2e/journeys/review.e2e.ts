import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { logIn } from '../support/demo.js';

/** The demo client whose past sessions with Carla the seed leaves to review. */
const CLIENT_EMAIL = 'lena.client@demo.coachhub.test';
const COACH_EMAIL = 'carla.coach@demo.coachhub.test';
const COACH_NAME = 'Carla Jensen';

/** Waits for the profile's reviews to have loaded (the summary, or "No reviews yet"). */
const reviewsLoaded = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelector(
        '[data-testid="coach-reviews"] [data-testid="rating-summary"], [data-testid="reviews-empty"]',
      ) !== null,
  );

/** "52 reviews" in the profile's summary, as a number. */
const reviewCount = async (page: Page) =>
  Number(
    /(\d+) reviews?/.exec((await page.getByTestId('rating-summary').textContent()) ?? '')?.[1],
  );

/**
 * A client reviews a completed session from My bookings; the coach finds the review on her
 * profile in another browser and replies; the client sees the review with the reply on the
 * coach's profile.
 */
describe('review journey', () => {
  let browser: Browser;
  let clientContext: BrowserContext;
  let coachContext: BrowserContext;
  let client: Page;
  let coach: Page;
  // This run's words, so nothing the demo data says is taken for them.
  const tag = Date.now().toString(36);
  const comment = `Carla helped me prepare my first team meeting step by step (${tag}).`;
  const reply = `Thank you, Lena! Good luck with the team (${tag}).`;
  let coachProfileUrl = '';
  let countBefore = 0;

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

  test('the client reviews a completed session from My bookings', async () => {
    await logIn(coach, COACH_EMAIL);
    await coach
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My profile' })
      .click();
    await coach.getByTestId('public-profile-link').click();
    await coach.getByTestId('coach-profile').waitFor();
    coachProfileUrl = new URL(coach.url()).pathname;
    await reviewsLoaded(coach);
    countBefore = await reviewCount(coach);

    await logIn(client, CLIENT_EMAIL);
    await client
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My bookings' })
      .click();
    await client.waitForURL('**/bookings');
    await client
      .getByRole('navigation', { name: 'Which bookings' })
      .getByRole('link', { name: 'Past' })
      .click();
    // A completed session with Carla not reviewed yet, remembered by its booking: once the form
    // opens, the card no longer has the button.
    const writeButton = client.getByRole('button', {
      name: `Write a review of your session with ${COACH_NAME}`,
    });
    const toReview = client
      .locator('[data-testid="booking-card"][data-status="completed"]', { hasText: COACH_NAME })
      .filter({ has: writeButton })
      .first();
    await toReview.waitFor();
    const bookingId = await toReview.getAttribute('data-booking-id');
    const card = client.locator(`[data-testid="booking-card"][data-booking-id="${bookingId}"]`);
    await card.getByRole('button', { name: /Write a review/ }).click();

    const form = card.getByTestId('review-form');
    await form.getByRole('heading', { name: `Review your session with ${COACH_NAME}` }).waitFor();
    await form.getByRole('group', { name: 'Your rating' }).getByLabel('5 stars').check();
    await form.getByRole('group', { name: 'Communication' }).getByLabel('4 stars').check();
    await form.getByLabel('Comment (optional)').fill(comment);
    await screenshot(client, 'review-1-form');
    await form.getByRole('button', { name: 'Publish review' }).click();

    await card.getByTestId('booking-reviewed').waitFor();
    expect(await card.getByTestId('booking-reviewed').textContent()).toContain('Reviewed');
    await expect(card.getByRole('button', { name: /Write a review/ }).count()).resolves.toBe(0);
    await screenshot(client, 'review-2-reviewed');
  });

  test('the coach finds it on her profile and replies', async () => {
    await coach.reload();
    await reviewsLoaded(coach);
    expect(await reviewCount(coach)).toBe(countBefore + 1);
    const review = coach.getByTestId('review').filter({ hasText: comment });
    await review.waitFor();
    await review.getByRole('button', { name: /^Reply to / }).click();

    const form = review.getByTestId('reply-form');
    await form.getByLabel('Your reply').fill(reply);
    await form.getByRole('button', { name: 'Post reply' }).click();
    await form.waitFor({ state: 'detached' });
    await review.getByTestId('review-reply').getByText(reply).waitFor();
    await screenshot(coach, 'review-3-coach-replied');
  });

  test("the client sees the review with the coach's reply on the coach's profile", async () => {
    await client.goto(coachProfileUrl);
    await reviewsLoaded(client);
    const review = client.getByTestId('review').filter({ hasText: comment });
    await review.waitFor();
    expect(await review.getByRole('heading').textContent()).toMatch(/^Lena/);
    const answer = review.getByTestId('review-reply');
    expect(await answer.textContent()).toContain(`Reply from ${COACH_NAME}`);
    expect(await answer.textContent()).toContain(reply);
    // The client reads it; only the coach may reply.
    await expect(review.getByRole('button').count()).resolves.toBe(0);
    await screenshot(client, 'review-4-client-sees-reply');
  });
});
