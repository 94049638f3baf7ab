import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { installFakeApi } from '@/testing/fake-api';
import { makeCoach, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const carla = makeCoach();
const julia = makeCoach({
  _id: 'coach-3',
  firstName: 'Julia',
  lastName: 'Becker',
  specialties: ['career', 'confidence'],
  languages: ['de', 'en', 'fr'],
  rating: { average: 0, count: 0 },
  priceFrom: { amount: 12000, currency: 'EUR' },
});

describe('CoachMatchPage', () => {
  it('sends the wishes and explains each ranked coach factor by factor', async () => {
    const { requests } = installFakeApi({
      'POST /coaches/match': () => ({
        status: 200,
        data: [
          {
            coach: carla,
            score: 93.46,
            factors: { specialty: 40, language: 25, budget: 15, rating: 13.46, availability: 0 },
          },
          {
            coach: julia,
            score: 61.38,
            factors: { specialty: 20, language: 25, budget: 5, rating: 6.38, availability: 5 },
          },
        ],
      }),
    });
    const { user } = renderApp({ url: '/coaches/match', user: makeUser() });
    const form = await screen.findByRole('form', { name: 'Your wishes' });

    await user.click(within(form).getByRole('button', { name: 'Find my coach' }));
    expect(
      within(form).getByRole('group', { name: 'What would you like to work on?' }),
    ).toHaveAccessibleDescription('Pick at least one. Pick at least one specialty.');
    expect(requests).toHaveLength(0);

    await user.click(within(form).getByRole('checkbox', { name: 'Leadership' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Career' }));
    await user.click(within(form).getByRole('checkbox', { name: 'German' }));
    await user.type(within(form).getByLabelText('Budget per session'), '100');
    await user.click(within(form).getByRole('checkbox', { name: 'Weekends (9–18)' }));
    await user.click(within(form).getByRole('button', { name: 'Find my coach' }));

    const cards = await screen.findAllByTestId('match-card');
    expect(requests[0]?.body).toEqual({
      specialties: ['career', 'leadership'],
      languages: ['de'],
      budget: { max: 10000, currency: 'EUR' },
      preferredTimes: [
        { weekday: 0, start: '09:00', end: '18:00' },
        { weekday: 6, start: '09:00', end: '18:00' },
      ],
      timeZone: 'Europe/Berlin',
    });

    const [first, second] = cards;
    expect(within(first!).getByTestId('match-score')).toHaveTextContent('93% match');
    const goals = within(first!).getByTestId('match-factor-specialty');
    expect(goals).toHaveTextContent('Goals');
    expect(goals).toHaveTextContent('40 of 40 points');
    expect(goals).toHaveTextContent('Works on all of your goals.');
    expect(goals.querySelector('.match-factor__fill')).toHaveStyle({ inlineSize: '100%' });
    expect(within(first!).getByTestId('match-factor-language')).toHaveTextContent('Speaks German.');
    expect(within(first!).getByTestId('match-factor-budget')).toHaveTextContent(
      'From €90.00: within your budget.',
    );
    expect(within(first!).getByTestId('match-factor-rating')).toHaveTextContent(
      '13.5 of 15 points',
    );
    expect(within(first!).getByTestId('match-factor-rating')).toHaveTextContent(
      'Rated 4.8 from 52 reviews.',
    );
    // Weekends were asked for: availability is how much of the free time falls into them.
    expect(within(first!).getByTestId('match-factor-availability')).toHaveTextContent(
      'None of their free time in the next two weeks suits your preferred times.',
    );
    expect(within(second!).getByTestId('match-factor-availability')).toHaveTextContent(
      'All of their free time in the next two weeks suits your preferred times.',
    );

    const juliaGoals = within(second!).getByTestId('match-factor-specialty');
    expect(juliaGoals).toHaveTextContent('Works on 1 of your 2 goals.');
    expect(juliaGoals.querySelector('.match-factor__fill')).toHaveStyle({ inlineSize: '50%' });
    expect(within(second!).getByTestId('match-factor-budget')).toHaveTextContent(
      'From €120.00: above your budget.',
    );
    expect(within(second!).getByTestId('match-factor-rating')).toHaveTextContent(
      'No reviews yet, so counted as average.',
    );
    expect(
      within(second!).getByRole('link', { name: 'View profile of Julia Becker' }),
    ).toHaveAttribute('href', '/coaches/coach-3');
  });
});
