import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makeCoach, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const samuel = makeCoach({
  _id: 'coach-2',
  firstName: 'Samuel',
  lastName: 'Mensah',
  headline: 'Money and purpose coach',
  bio: 'First salary, first budget.',
  specialties: ['finance', 'career'],
  languages: ['en', 'fr'],
  coachProfilePicture: { url: '/uploads/coach-pictures/samuel.png', publicId: 'x' },
  profilePicture: { url: '/uploads/profile-pictures/samuel.png', publicId: 'y' },
  priceFrom: { amount: 4550, currency: 'USD' },
  timeZone: 'Africa/Accra',
});

describe('CoachProfilePage', () => {
  it("shows the coach's details, price in the reader's locale and where they are", async () => {
    installFakeApi({ 'GET /coaches/coach-2': () => ({ status: 200, data: samuel }) });
    renderApp({ url: '/coaches/coach-2', user: makeUser() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Samuel Mensah' })).toBeVisible();
    expect(screen.getByRole('img', { name: 'Photo of Samuel Mensah' })).toHaveAttribute(
      'src',
      '/uploads/coach-pictures/samuel.png',
    );
    expect(screen.getByTestId('coach-headline')).toHaveTextContent('Money and purpose coach');
    expect(screen.getByTestId('coach-bio')).toHaveTextContent('First salary, first budget.');
    const facts = screen.getByTestId('coach-facts');
    expect(facts).toHaveTextContent('From $45.50 per session');
    expect(within(facts).getByTestId('coach-languages')).toHaveTextContent('English, French');
    expect(within(facts).getByTestId('coach-time-zone')).toHaveTextContent('Africa/Accra');
    expect(within(facts).getByTestId('coach-local-time')).toHaveAttribute('datetime');
    expect(within(facts).getByRole('link', { name: 'Finance' })).toHaveAttribute(
      'href',
      '/coaches?specialty=finance',
    );
    expect(screen.getByRole('link', { name: 'Book a session' })).toHaveAttribute(
      'href',
      '/coaches/coach-2/book',
    );
    expect(screen.getByRole('link', { name: 'Send a message' })).toHaveAttribute(
      'href',
      '/messages?with=coach-2',
    );
    expect(screen.queryByTestId('verification-notice')).not.toBeInTheDocument();
  });

  it('formats the price for German readers', async () => {
    installFakeApi({ 'GET /coaches/coach-2': () => ({ status: 200, data: samuel }) });
    renderApp({ url: '/coaches/coach-2', user: makeUser({ locale: 'de' }) });
    // The user's German arrives with its strings' chunk, a moment after the page.
    await waitFor(() =>
      expect(screen.getByTestId('coach-facts')).toHaveTextContent(
        // The no-break space before the symbol is normalised to a space by the matcher.
        'Ab 45,50 $ pro Sitzung',
      ),
    );
  });

  it('says so when the coach does not exist or is not public', async () => {
    installFakeApi({ 'GET /coaches/nobody': () => apiErrorReply(404, 'NOT_FOUND') });
    renderApp({ url: '/coaches/nobody' });
    expect(await screen.findByTestId('coach-not-found')).toHaveTextContent(
      'This coach profile does not exist or is not public.',
    );
  });

  it('offers the coach an edit link on their own page, with its verification state', async () => {
    installFakeApi({
      'GET /coaches/coach-2': () => ({
        status: 200,
        data: {
          ...samuel,
          verification: { status: 'rejected', reason: 'Add a bio', reviewedAt: null },
        },
      }),
    });
    renderApp({ url: '/coaches/coach-2', user: makeUser({ _id: 'coach-2', role: 'coach' }) });
    expect(await screen.findByRole('link', { name: 'Edit your profile' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Book a session' })).not.toBeInTheDocument();
    expect(screen.getByTestId('verification-notice')).toHaveTextContent(
      'Your profile was not approved: “Add a bio”.',
    );
  });
});
