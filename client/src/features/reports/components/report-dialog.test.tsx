import { REPORT_LIMITS } from '@coachhub/shared/report';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeReply, FakeRoutes } from '@/testing/fake-api';
import { makeCoach, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';
import { makeCoachReviewsPage, makeReview } from '@/testing/review-fixtures';

let api: ReturnType<typeof installFakeApi> | undefined;
const fakeApi = (routes: FakeRoutes) => {
  api = installFakeApi(routes);
  return api;
};

const carla = { ...makeCoach(), sessionTypes: [] };
const lenasReview = makeReview({
  _id: 'review-lena',
  reviewer: { _id: 'user-lena', displayName: 'Lena F.', profilePicture: null },
  comment: 'She shouted at me.',
});
const adasReview = makeReview({ _id: 'review-ada' });
const ada = makeUser();

/** Carla's profile with Lena's and Ada's reviews; reports are answered with `report`. */
const profileApi = (report: () => FakeReply = () => ({ status: 201, data: {} })) =>
  fakeApi({
    'GET /coaches/coach-1': () => ({ status: 200, data: carla }),
    'GET /coaches/coach-1/reviews': () => ({
      status: 200,
      data: makeCoachReviewsPage([lenasReview, adasReview]),
    }),
    'POST /reports': report,
  });

const reviewBy = async (name: string) => {
  const section = await screen.findByRole('region', { name: 'Reviews' });
  const heading = await within(section).findByRole('heading', { name });
  return heading.closest('article') as HTMLElement;
};

const openReportOfLenasReview = async (user: ReturnType<typeof renderApp>['user']) => {
  const review = await reviewBy('Lena F.');
  await user.click(within(review).getByRole('button', { name: 'Report the review by Lena F.' }));
  return screen.findByRole('dialog', { name: 'Report the review by Lena F.' });
};

const reportsSent = () =>
  (api?.requests ?? [])
    .filter((request) => request.method === 'POST' && request.url === '/reports')
    .map((request) => request.body);

describe('Reporting from a coach profile', () => {
  it('files a report about a review with a reason and details, then thanks', async () => {
    profileApi();
    const { user } = renderApp({ url: '/coaches/coach-1', user: ada });
    const dialog = await openReportOfLenasReview(user);
    expect(dialog).toHaveAccessibleDescription(
      'Tell us what is wrong. An admin will look at your report and decide what to do.',
    );
    const reasons = within(dialog).getByRole('group', { name: 'Why are you reporting this?' });
    expect(
      within(reasons)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['spam', 'harassment', 'inappropriate', 'fraud', 'other']);
    expect(within(reasons).getByRole('radio', { name: 'Spam or advertising' })).toHaveFocus();

    // A reason is needed; the request waits for it.
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose a reason.');
    expect(reportsSent()).toEqual([]);

    await user.click(within(dialog).getByRole('radio', { name: 'Harassment or insults' }));
    const details = within(dialog).getByRole('textbox', { name: 'Details (optional)' });
    await user.type(details, '  Insults in the comment. ');
    expect(details).toHaveAccessibleDescription(
      `23 of ${REPORT_LIMITS.detailsMax.toLocaleString('en')} characters.`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Thank you, an admin will look at it.',
    );
    expect(within(dialog).getByTestId('report-sent')).toHaveFocus();
    expect(reportsSent()).toEqual([
      {
        targetType: 'review',
        targetId: 'review-lena',
        reason: 'harassment',
        details: 'Insults in the comment.',
      },
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // Focus comes back to where it was, which now says the review is reported.
    const reported = within(await reviewBy('Lena F.')).getByRole('button', { name: 'Reported' });
    expect(reported).toHaveFocus();
    expect(reported).toHaveAttribute('aria-disabled', 'true');
    await user.click(reported);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(reportsSent()).toHaveLength(1);
  });

  it('reports the coach’s profile by the coach’s user id, without details when none are given', async () => {
    profileApi();
    const { user } = renderApp({ url: '/coaches/coach-1', user: ada });
    await user.click(await screen.findByRole('button', { name: 'Report this profile' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Report the profile of Carla Jensen',
    });
    await user.click(within(dialog).getByRole('radio', { name: 'Fraud or a scam' }));
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    await within(dialog).findByText('Thank you, an admin will look at it.');
    expect(reportsSent()).toEqual([{ targetType: 'coach', targetId: 'coach-1', reason: 'fraud' }]);
  });

  it('says so when the same report is still open (409)', async () => {
    profileApi(() =>
      apiErrorReply(409, 'ALREADY_REPORTED', 'You already reported this; an admin will look at it'),
    );
    const { user } = renderApp({ url: '/coaches/coach-1', user: ada });
    const dialog = await openReportOfLenasReview(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Spam or advertising' }));
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'You have already reported this and an admin has not decided on it yet. There is no need to report it again.',
    );
    expect(dialog).toHaveAccessibleDescription('Your earlier report is still open.');
    // Nothing to send again: only a way out.
    expect(within(dialog).queryByRole('button', { name: 'Send report' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeVisible();
  });

  it('says how long to wait when the server tells (429 with Retry-After)', async () => {
    profileApi(() => ({
      status: 429,
      data: {
        error: {
          code: 'RATE_LIMITED',
          message: 'Too many attempts',
          details: { retryAfterSeconds: 240 },
        },
      },
    }));
    const { user } = renderApp({ url: '/coaches/coach-1', user: ada });
    const dialog = await openReportOfLenasReview(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Something else' }));
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You have sent a lot of reports in a short time. Please try again in 4 minutes.',
    );
  });

  it('asks to try later after too many reports (429), keeping what was written', async () => {
    profileApi(() => apiErrorReply(429, 'RATE_LIMITED', 'Too many requests'));
    const { user } = renderApp({ url: '/coaches/coach-1', user: ada });
    const dialog = await openReportOfLenasReview(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Something else' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Details (optional)' }), 'Odd.');
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'You have sent a lot of reports in a short time. Please try again later.',
    );
    expect(alert).toHaveFocus();
    expect(within(dialog).getByRole('radio', { name: 'Something else' })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Details (optional)' })).toHaveValue('Odd.');
  });

  it('shows the server’s refusal of the details next to them, and checks their length first', async () => {
    profileApi(() => ({
      status: 400,
      data: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid request',
          details: [{ field: 'details', location: 'body', message: 'Too long' }],
        },
      },
    }));
    const { user } = renderApp({ url: '/coaches/coach-1', user: ada });
    const dialog = await openReportOfLenasReview(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Spam or advertising' }));
    const details = within(dialog).getByRole('textbox', { name: 'Details (optional)' });

    fireEvent.change(details, { target: { value: 'x'.repeat(REPORT_LIMITS.detailsMax + 1) } });
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(details).toBeInvalid();
    expect(details).toHaveAccessibleDescription(/Use at most 1000 characters\./);
    expect(reportsSent()).toEqual([]);

    fireEvent.change(details, { target: { value: 'Spam links.' } });
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    expect(await within(dialog).findByText(/Some of the information is not valid/)).toBeVisible();
    expect(details).toBeInvalid();
    expect(reportsSent()).toHaveLength(1);
  });

  it('closes on Escape and on Cancel without sending anything', async () => {
    profileApi();
    const { user } = renderApp({ url: '/coaches/coach-1', user: ada });
    await openReportOfLenasReview(user);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    const dialog = await openReportOfLenasReview(user);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(reportsSent()).toEqual([]);
  });

  it('offers nothing to visitors, nor on one’s own review or one’s own profile', async () => {
    profileApi();
    const visitor = renderApp({ url: '/coaches/coach-1' });
    await reviewBy('Lena F.');
    expect(screen.queryByRole('button', { name: /Report/ })).toBeNull();
    visitor.unmount();

    const client = renderApp({ url: '/coaches/coach-1', user: ada });
    expect(within(await reviewBy('Ada L.')).queryByRole('button', { name: /Report/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Report this profile' })).toBeVisible();
    client.unmount();

    // Carla on her own page: her reviews can be reported, her profile not.
    renderApp({ url: '/coaches/coach-1', user: makeUser({ _id: 'coach-1', role: 'coach' }) });
    expect(
      within(await reviewBy('Lena F.')).getByRole('button', {
        name: 'Report the review by Lena F.',
      }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Report this profile' })).toBeNull();
  });

  it('speaks German to a German account', async () => {
    profileApi();
    const { user } = renderApp({ url: '/coaches/coach-1', user: makeUser({ locale: 'de' }) });
    const section = await screen.findByRole('region', { name: 'Bewertungen' });
    const lena = (await within(section).findByRole('heading', { name: 'Lena F.' })).closest(
      'article',
    ) as HTMLElement;
    await user.click(
      within(lena).getByRole('button', { name: 'Die Bewertung von Lena F. melden' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Die Bewertung von Lena F. melden' });
    await user.click(within(dialog).getByRole('radio', { name: 'Belästigung oder Beleidigung' }));
    await user.click(within(dialog).getByRole('button', { name: 'Meldung senden' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Danke, ein Admin sieht es sich an.',
    );
  });
});
