import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, newContext, screenshot, uniqueEmail } from '../support/browser.js';
import { appCode, MODERATOR, readSetupKey } from '../support/moderator.js';

const PASSWORD = 'Journey-passw0rd-2026';
/** A coach of the demo directory whose newest reviews one is reported from. */
const REVIEWED_COACH = 'Kenji Tanaka';

/** A surname no demo account has, so searches find this run's people only. */
const uniqueSurname = (stem: string) =>
  `${stem}${Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

interface Person {
  firstName: string;
  lastName: string;
  email: string;
}
const fullName = (person: Person) => `${person.firstName} ${person.lastName}`;

/** The API as the app uses it, for setting the scene (an account, the coach and a review). */
async function api<T>(path: string, init: { body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const register = (person: Person) =>
  api<{ accessToken: string }>('/api/auth/register', { body: { ...person, password: PASSWORD } });

interface ReviewSummary {
  _id: string;
  comment: string | null;
  createdAt: string;
  reviewer: { displayName: string };
}

/** How many reviews a coach's profile shows before "Show more reviews". */
const PROFILE_PAGE = 5;

/**
 * A review with a comment among the first the coach's profile shows, that none of the coach's
 * other reviews could be taken for (same author and time), even once it is gone. Demo comments
 * come from a small set, so the comment alone does not tell reviews apart.
 */
async function aDistinctReview(coachId: string): Promise<ReviewSummary> {
  const { items } = await api<{ items: ReviewSummary[] }>(
    `/api/coaches/${coachId}/reviews?limit=100`,
  );
  const key = (review: ReviewSummary) => `${review.reviewer.displayName}\n${review.createdAt}`;
  const review = items
    .slice(0, PROFILE_PAGE)
    .find(
      (candidate) =>
        candidate.comment && items.filter((other) => key(other) === key(candidate)).length === 1,
    );
  if (!review) throw new Error(`no distinct review with a comment for ${coachId}`);
  return review;
}

/** The review as the coach's profile lists it: its author, its time and its comment. */
const reviewOnProfile = (page: Page, review: ReviewSummary) =>
  page
    .getByTestId('review')
    .filter({ has: page.locator(`time[datetime="${review.createdAt}"]`) })
    .filter({ hasText: review.reviewer.displayName })
    .filter({ hasText: review.comment ?? '' });

/** Waits for the profile's reviews to have loaded (the summary, or "No reviews yet"). */
const reviewsLoaded = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelector(
        '[data-testid="coach-reviews"] [data-testid="rating-summary"], [data-testid="reviews-empty"]',
      ) !== null,
  );

/**
 * A client reports a review from the coach's profile, on a phone. An admin turns on two-factor
 * sign-in and signs in with a code from the app; approves a coach waiting for verification, who
 * then shows in the directory; closes the client's report by hiding the review, which leaves the
 * coach's profile; suspends an account, which can then no longer sign in; and finds all three in
 * the audit log.
 */
describe('moderation journey', () => {
  let browser: Browser;
  let adminContext: BrowserContext;
  let visitorContext: BrowserContext;
  let admin: Page;
  let visitor: Page;
  let secret = '';
  let enabledAtStep = 0;

  const applicant: Person = {
    firstName: 'Noor',
    lastName: uniqueSurname('Haddad'),
    email: uniqueEmail('noor'),
  };
  const suspect: Person = {
    firstName: 'Sam',
    lastName: uniqueSurname('Spammer'),
    email: uniqueEmail('sam'),
  };
  const reporter: Person = {
    firstName: 'Rita',
    lastName: uniqueSurname('Reporter'),
    email: uniqueEmail('rita'),
  };
  const reportDetails = `Insults in this review (${reporter.lastName}).`;
  let reviewedCoachId = '';
  let reportedReview: ReviewSummary;

  beforeAll(async () => {
    browser = await launchBrowser();
    adminContext = await newContext(browser, inject('baseUrl'));
    visitorContext = await newContext(browser, inject('baseUrl'));
    admin = await adminContext.newPage();
    visitor = await visitorContext.newPage();

    // An account to suspend, and the review the client will report.
    await register(suspect);
    const directory = await api<{ items: { _id: string }[] }>(
      `/api/coaches?q=${encodeURIComponent(REVIEWED_COACH)}`,
    );
    reviewedCoachId = directory.items[0]?._id ?? '';
    reportedReview = await aDistinctReview(reviewedCoachId);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('a client reports a review from the coach’s profile, on a phone', async () => {
    const reporterContext = await newContext(browser, inject('baseUrl'));
    const page = await reporterContext.newPage();
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/register');
    const form = page.getByTestId('register-form');
    await form.getByLabel('First name').fill(reporter.firstName);
    await form.getByLabel('Last name').fill(reporter.lastName);
    await form.getByLabel('Email').fill(reporter.email);
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/dashboard');

    await page.goto(`/coaches/${reviewedCoachId}`);
    await reviewsLoaded(page);
    const author = reportedReview.reviewer.displayName;
    await reviewOnProfile(page, reportedReview)
      .getByRole('button', { name: `Report the review by ${author}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Report the review by ${author}` });
    await dialog.getByRole('radio', { name: 'Harassment or insults' }).check();
    await dialog.getByLabel('Details (optional)').fill(reportDetails);
    // The whole dialog fits the phone's width.
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Thank you, an admin will look at it.' })
      .waitFor();
    await screenshot(page, 'moderation-0-review-reported');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await reporterContext.close();
  });

  test('the admin turns on two-factor sign-in in Account settings', async () => {
    await admin.goto('/login');
    const login = admin.getByTestId('login-form');
    await login.getByLabel('Email').fill(MODERATOR.email);
    await login.getByLabel('Password').fill(MODERATOR.password);
    await login.getByRole('button', { name: 'Log in' }).click();
    await admin.waitForURL('**/dashboard');

    await admin.getByTestId('account-link').click();
    const security = admin.getByTestId('security-section');
    await security.locator('[data-testid="two-factor-state"][data-state="off"]').waitFor();
    await security.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();

    // The authenticator app is this test: it takes the setup key typed by hand.
    await security.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    secret = await readSetupKey(admin);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const confirm = security.getByRole('form', { name: 'Confirm two-factor sign-in' });
    const first = await appCode(secret);
    enabledAtStep = first.step;
    await confirm.getByLabel('6-digit code').fill(first.code);
    await confirm.getByRole('button', { name: 'Turn on' }).click();

    const codes = security.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await screenshot(admin, 'moderation-1-recovery-codes');
    await security.getByRole('button', { name: 'I have saved my codes' }).click();
    await security.locator('[data-testid="two-factor-state"][data-state="on"]').waitFor();
  });

  test('signs out and signs in again with the password and a code from the app', async () => {
    await admin.getByTestId('logout-button').click();
    await admin.waitForFunction(() => !location.pathname.startsWith('/account'));
    await admin.goto('/login');
    const login = admin.getByTestId('login-form');
    await login.getByLabel('Email').fill(MODERATOR.email);
    await login.getByLabel('Password').fill(MODERATOR.password);
    await login.getByRole('button', { name: 'Log in' }).click();

    const step = admin.getByTestId('two-factor-form');
    await step.waitFor();
    // The code that turned it on is spent: the app's next one (up to 30 s away) signs in.
    const next = await appCode(secret, enabledAtStep);
    await step.getByLabel('Authentication code').fill(next.code);
    await screenshot(admin, 'moderation-2-two-factor-step');
    await step.getByRole('button', { name: 'Verify' }).click();
    await admin.waitForURL('**/dashboard');
  }, 90_000);

  test('approves a coach waiting for verification, who then shows in the directory', async () => {
    const applicantContext = await newContext(browser, inject('baseUrl'));
    const page = await applicantContext.newPage();
    await page.goto('/register');
    const form = page.getByTestId('register-form');
    await form.getByLabel('First name').fill(applicant.firstName);
    await form.getByLabel('Last name').fill(applicant.lastName);
    await form.getByLabel('Email').fill(applicant.email);
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByTestId('account-link').click();
    const becomeCoach = page.getByTestId('become-coach-form');
    await becomeCoach.getByLabel('Headline').fill('Sleep and recovery coaching for shift workers');
    await becomeCoach.getByRole('checkbox', { name: 'Health' }).check();
    await becomeCoach.getByRole('checkbox', { name: 'English' }).check();
    await becomeCoach.getByRole('button', { name: 'Become a coach' }).click();
    await page.getByTestId('coach-pending-notice').waitFor();
    await applicantContext.close();

    const inDirectory = async () => {
      await visitor.goto(`/coaches?q=${applicant.lastName}`);
      await visitor.getByTestId('directory-count').waitFor();
      await visitor.waitForFunction(
        () =>
          !document.querySelector('[data-testid="directory-results"]')?.hasAttribute('aria-busy'),
      );
      return visitor
        .getByTestId('coach-card')
        .filter({ hasText: fullName(applicant) })
        .count();
    };
    expect(await inDirectory()).toBe(0);

    await admin.goto('/admin');
    const sections = admin.getByRole('navigation', { name: 'Administration' });
    await sections.getByRole('link', { name: 'Coach verification' }).click();
    const waiting = admin.getByTestId('pending-coach').filter({ hasText: fullName(applicant) });
    await waiting.waitFor();
    await screenshot(admin, 'moderation-3-verification-queue');
    await waiting.getByRole('button', { name: `Approve: ${fullName(applicant)}` }).click();
    await waiting.waitFor({ state: 'detached' });

    expect(await inDirectory()).toBe(1);
    await screenshot(visitor, 'moderation-4-approved-in-directory');
  });

  test('closes a report by hiding the review, which leaves the coach’s profile', async () => {
    await visitor.goto(`/coaches/${reviewedCoachId}`);
    await reviewsLoaded(visitor);
    await expect(reviewOnProfile(visitor, reportedReview).count()).resolves.toBe(1);

    await admin
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Reports' })
      .click();
    const report = admin.getByTestId('admin-report').filter({ hasText: reportDetails });
    await report.waitFor();
    expect(await report.getByRole('heading').textContent()).toBe('Review: Harassment');
    expect(await report.textContent()).toContain(reportedReview.comment);
    await screenshot(admin, 'moderation-5-report');
    await report.getByRole('button', { name: 'Decide' }).click();

    const dialog = admin.getByRole('alertdialog', { name: 'Close this report?' });
    await dialog.getByLabel('Outcome').selectOption({ label: 'Hide the content' });
    await dialog.getByText('The reported content is taken down for everyone.').waitFor();
    await dialog.getByLabel('Note').fill(`Insulting review hidden (${reporter.lastName}).`);
    await dialog.getByRole('button', { name: 'Close report' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The queue shows open reports: the closed one leaves it.
    await report.waitFor({ state: 'detached' });

    await visitor.reload();
    await reviewsLoaded(visitor);
    await expect(reviewOnProfile(visitor, reportedReview).count()).resolves.toBe(0);
    await screenshot(visitor, 'moderation-6-review-gone');
  });

  test('suspends an account, which can no longer sign in', async () => {
    await admin
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Users' })
      .click();
    const filters = admin.getByRole('search', { name: 'Find users' });
    await filters.getByLabel('Name or e-mail').fill(suspect.email);
    await filters.getByRole('button', { name: 'Search' }).click();
    const row = admin.getByTestId('admin-user').filter({ hasText: suspect.email });
    await row.waitFor();
    await row.getByRole('button', { name: `Suspend ${fullName(suspect)}` }).click();

    const dialog = admin.getByRole('alertdialog', { name: `Suspend ${fullName(suspect)}?` });
    await dialog.getByLabel('Reason').fill(`Spam in every message (${suspect.lastName}).`);
    await dialog.getByRole('button', { name: 'Suspend account' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: `Reinstate ${fullName(suspect)}` }).waitFor();
    expect(await row.textContent()).toContain('Suspended');
    await screenshot(admin, 'moderation-7-suspended');

    const suspectContext = await newContext(browser, inject('baseUrl'));
    const page = await suspectContext.newPage();
    await page.goto('/login');
    const login = page.getByTestId('login-form');
    await login.getByLabel('Email').fill(suspect.email);
    await login.getByLabel('Password').fill(PASSWORD);
    await login.getByRole('button', { name: 'Log in' }).click();
    await login.getByText('Your account has been suspended.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await suspectContext.close();
  });

  test('finds the approval, the closed report and the suspension in the audit log', async () => {
    await admin
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    const entries = admin.getByTestId('audit-entry');
    await entries.first().waitFor();
    const entry = (action: string, reason?: string) => {
      const row = entries.filter({ hasText: action }).filter({ hasText: MODERATOR.name });
      return reason === undefined ? row : row.filter({ hasText: reason });
    };
    await expect(entry('Approved a coach').count()).resolves.toBe(1);
    await expect(
      entry('Closed a report', `Insulting review hidden (${reporter.lastName}).`).count(),
    ).resolves.toBe(1);
    await expect(
      entry('Suspended an account', `Spam in every message (${suspect.lastName}).`).count(),
    ).resolves.toBe(1);
    await screenshot(admin, 'moderation-8-audit-log');
  });
});
