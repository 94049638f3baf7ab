import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { installFakeApi } from '@/testing/fake-api';
import type { FakeReply } from '@/testing/fake-api';
import { makeAvailability, makePriceConfig, makeSessionType } from '@/testing/booking-fixtures';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const coachUser = makeUser({ _id: 'coach-1', role: 'coach', firstName: 'Carla' });

/** A reply the test sends when it wants, to look at the page in between. */
const held = () => {
  let answer!: (reply: FakeReply) => void;
  const reply = new Promise<FakeReply>((resolve) => {
    answer = resolve;
  });
  return { reply, answer };
};

// These drive a large form key by key, and the first visit compiles the page: under a loaded CI
// machine that takes longer than vitest's default five seconds.
const FORM_TEST_TIMEOUT = { timeout: 15_000 };

describe('PracticePage: availability', FORM_TEST_TIMEOUT, () => {
  const openEditor = async () => {
    const view = renderApp({ url: '/practice?section=availability', user: coachUser });
    const form = await screen.findByTestId('availability-form');
    return { ...view, form };
  };

  it('checks hours and settings before sending anything', async () => {
    const { requests } = installFakeApi({
      'GET /availability/coach-1': () => ({ status: 200, data: makeAvailability() }),
    });
    const { user, form } = await openEditor();

    const monday = within(form).getByRole('group', { name: 'Monday' });
    const first = within(monday).getByRole('group', { name: 'Monday, time 1' });
    const second = within(monday).getByRole('group', { name: 'Monday, time 2' });
    await user.clear(within(first).getByLabelText('From (Monday, time 1)'));
    await user.type(within(first).getByLabelText('From (Monday, time 1)'), '25:00');
    // 11:00-17:00 overlaps 09:00-12:00 once the first is fixed; for now only its end is wrong.
    await user.clear(within(second).getByLabelText('From (Monday, time 2)'));
    await user.type(within(second).getByLabelText('From (Monday, time 2)'), '11:00');
    await user.clear(within(form).getByLabelText('Minimum notice'));
    await user.type(within(form).getByLabelText('Minimum notice'), '2000');
    await user.click(within(form).getByRole('button', { name: 'Save availability' }));

    expect(within(first).getByLabelText('From (Monday, time 1)')).toHaveAccessibleDescription(
      'Enter a start time from 00:00 to 23:59, like 09:00.',
    );
    expect(within(form).getByLabelText('Minimum notice')).toHaveAccessibleDescription(
      'Hours between booking and the start, at least. Enter a whole number from 0 to 720.',
    );
    // The first problem gets the focus.
    expect(within(first).getByLabelText('From (Monday, time 1)')).toHaveFocus();

    await user.clear(within(first).getByLabelText('From (Monday, time 1)'));
    await user.type(within(first).getByLabelText('From (Monday, time 1)'), '9');
    expect(within(second).getByText('Overlaps other hours on this day.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PUT')).toHaveLength(0);
  });

  it('puts the fields a 400 names next to those fields, and saves what is fixed', async () => {
    let attempt = 0;
    const { requests } = installFakeApi({
      'GET /availability/coach-1': () => ({ status: 200, data: makeAvailability() }),
      'PUT /availability/coach-1': (request) => {
        attempt += 1;
        if (attempt === 1) {
          return {
            status: 400,
            data: {
              error: {
                code: 'VALIDATION_FAILED',
                message: 'Invalid',
                details: [
                  { field: 'weekly[1].end', location: 'body', message: 'Must be after the start' },
                  {
                    field: 'settings.cancellationPolicy.feePercent',
                    location: 'body',
                    message: 'Must be a whole number from 0 to 100',
                  },
                ],
              },
            },
          };
        }
        return { status: 200, data: request.body };
      },
    });
    const { user, form } = await openEditor();

    // Wednesday gets a second span; Thursday its first; 9 means 09:00.
    const wednesday = within(form).getByRole('group', { name: 'Wednesday' });
    const thursday = within(form).getByRole('group', { name: 'Thursday' });
    await user.click(within(thursday).getByRole('button', { name: 'Add hours on Thursday' }));
    await user.clear(within(thursday).getByLabelText('From (Thursday, time 1)'));
    await user.type(within(thursday).getByLabelText('From (Thursday, time 1)'), '8');
    await user.click(within(form).getByRole('button', { name: 'Save availability' }));

    expect(await within(form).findByTestId('form-error')).toHaveTextContent(
      'Some of the information is not valid. Please check the highlighted fields.',
    );
    // weekly[1] is Monday's second span (weekdays go Sunday to Saturday in the request).
    const monday = within(form).getByRole('group', { name: 'Monday, time 2' });
    expect(within(monday).getByLabelText('Until (Monday, time 2)')).toHaveAccessibleDescription(
      'This value is not valid.',
    );
    expect(within(form).getByLabelText('Late cancellation fee')).toHaveAccessibleDescription(
      'Percent of the price. This value is not valid.',
    );
    expect(within(wednesday).getAllByTestId('interval-row')).toHaveLength(1);

    // Any edit clears the server's verdict; the next save goes through.
    await user.clear(within(form).getByLabelText('Late cancellation fee'));
    await user.type(within(form).getByLabelText('Late cancellation fee'), '40');
    expect(within(form).queryByTestId('form-error')).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Save availability' }));
    expect(await screen.findByText('Your availability has been saved.')).toBeInTheDocument();

    const puts = requests.filter((request) => request.method === 'PUT');
    expect(puts[1]?.body).toMatchObject({
      timeZone: 'Europe/Berlin',
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '17:00' },
        { weekday: 3, start: '09:00', end: '17:00' },
        { weekday: 4, start: '08:00', end: '17:00' },
      ],
      overrides: [{ date: '2026-12-24', intervals: [] }],
      settings: { cancellationPolicy: { freeUntilHours: 24, feePercent: 40 } },
    });
  });
});

describe('PracticePage: pricing', () => {
  it('asks before removing a discount, and "Keep" (or Escape) keeps it without a request', async () => {
    const { requests } = installFakeApi({
      'GET /prices/config/coach-1': () => ({ status: 200, data: makePriceConfig() }),
      'GET /coaches/coach-1/session-types': () => ({ status: 200, data: [makeSessionType()] }),
    });
    const { user } = renderApp({ url: '/practice?section=pricing', user: coachUser });
    const discounts = await screen.findByRole('list', { name: 'Discounts' });
    const remove = screen.getByRole('button', { name: 'Remove discount Loyalty' });

    await user.click(remove);
    const question = screen.getByRole('group', {
      name: 'Remove the discount “Loyalty”? New bookings no longer get it.',
    });
    expect(within(question).getByText(/Remove the discount/)).toHaveFocus();
    expect(within(discounts).getAllByTestId('discount')).toHaveLength(2);

    await user.click(within(question).getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('group', { name: /Remove the discount/ })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Remove discount Loyalty' })).toHaveFocus(),
    );

    await user.click(screen.getByRole('button', { name: 'Remove discount Loyalty' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /Remove the discount/ })).not.toBeInTheDocument();
    expect(within(discounts).getAllByTestId('discount')).toHaveLength(2);
    expect(requests.filter((request) => request.method === 'DELETE')).toHaveLength(0);
  });

  it('removes a discount once confirmed and puts it back with a message when the delete fails', async () => {
    const deletion = held();
    const { requests } = installFakeApi({
      'GET /prices/config/coach-1': () => ({ status: 200, data: makePriceConfig() }),
      'GET /coaches/coach-1/session-types': () => ({ status: 200, data: [makeSessionType()] }),
      'DELETE /prices/config/coach-1/discounts/d2': () => deletion.reply,
    });
    const { user } = renderApp({ url: '/practice?section=pricing', user: coachUser });
    const discounts = await screen.findByRole('list', { name: 'Discounts' });
    expect(within(discounts).getAllByTestId('discount')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Remove discount Loyalty' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(within(discounts).getAllByTestId('discount')).toHaveLength(1);
    expect(within(discounts).queryByText(/Loyalty/)).not.toBeInTheDocument();

    deletion.answer({
      status: 500,
      data: { error: { code: 'INTERNAL_ERROR', message: 'Boom' } },
    });
    expect(await screen.findByTestId('notification')).toHaveTextContent(
      'The discount could not be removed, so it is back in the list.',
    );
    await waitFor(() => expect(within(discounts).getAllByTestId('discount')).toHaveLength(2));
    expect(within(discounts).getByText(/Loyalty/)).toBeInTheDocument();
    // The configuration is fetched again afterwards, whatever happened.
    await waitFor(() =>
      expect(requests.filter((request) => request.url === '/prices/config/coach-1')).toHaveLength(
        2,
      ),
    );
  });

  it('keeps a deleted package out once the server agrees', async () => {
    let config = makePriceConfig();
    installFakeApi({
      'GET /prices/config/coach-1': () => ({ status: 200, data: config }),
      'GET /coaches/coach-1/session-types': () => ({ status: 200, data: [] }),
      'DELETE /prices/config/coach-1/packages/p1': () => {
        config = { ...config, packages: [] };
        return { status: 204 };
      },
    });
    const { user } = renderApp({ url: '/practice?section=pricing', user: coachUser });
    await user.click(await screen.findByRole('button', { name: 'Remove package Five pack' }));
    expect(screen.getByTestId('package')).toBeInTheDocument();
    const question = screen.getByRole('group', {
      name: 'Remove the package “Five pack”? Clients can no longer buy it.',
    });
    await user.click(within(question).getByRole('button', { name: 'Yes, remove' }));
    expect(screen.queryByTestId('package')).not.toBeInTheDocument();
    expect(await screen.findByText('No packages yet.')).toBeInTheDocument();
    expect(screen.queryByTestId('notification')).not.toBeInTheDocument();
  });

  it('saves currency and rates in minor units', async () => {
    const { requests } = installFakeApi({
      'GET /prices/config/coach-1': () => ({ status: 200, data: makePriceConfig() }),
      'GET /coaches/coach-1/session-types': () => ({ status: 200, data: [makeSessionType()] }),
      'PATCH /prices/config/coach-1': (request) => ({
        status: 200,
        data: { ...makePriceConfig(), ...(request.body as object) },
      }),
    });
    const { user } = renderApp({ url: '/practice?section=pricing', user: coachUser });
    const form = await screen.findByTestId('rates-form');
    expect(within(form).getByLabelText('Career deep dive')).toHaveAccessibleDescription(
      'Empty: €90.00 from the hourly rate.',
    );
    await user.clear(within(form).getByLabelText('Hourly rate'));
    await user.type(within(form).getByLabelText('Hourly rate'), '100,50');
    await user.type(within(form).getByLabelText('Career deep dive'), '95');
    await user.click(within(form).getByRole('button', { name: 'Save rates' }));
    expect(await screen.findByText('Your rates have been saved.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      currency: 'EUR',
      baseHourlyRate: 10050,
      sessionTypeRates: [{ sessionTypeId: 'type-1', rate: 9500 }],
    });
  });
});

describe('PracticePage: session types', () => {
  it('creates, then hides a session type', async () => {
    let types = [makeSessionType()];
    const { requests } = installFakeApi({
      'GET /coaches/coach-1/session-types': () => ({ status: 200, data: types }),
      'GET /prices/config/coach-1': () => ({ status: 200, data: makePriceConfig() }),
      'POST /session-types': (request) => {
        const created = makeSessionType({
          ...(request.body as object),
          _id: 'type-2',
          price: null,
        });
        types = [...types, created];
        return { status: 201, data: created };
      },
      'PATCH /session-types/type-2': (request) => {
        types = types.map((type) =>
          type._id === 'type-2' ? { ...type, ...(request.body as object) } : type,
        );
        return { status: 200, data: types[1] };
      },
    });
    const { user } = renderApp({ url: '/practice?section=session-types', user: coachUser });
    await user.click(await screen.findByRole('button', { name: 'Add a session type' }));
    const form = screen.getByRole('form', { name: 'New session type' });
    await user.click(within(form).getByRole('button', { name: 'Create session type' }));
    expect(within(form).getByLabelText('Title')).toHaveAccessibleDescription(
      'At most 80 characters. Enter a title.',
    );
    await user.type(within(form).getByLabelText('Title'), 'Intro call');
    await user.clear(within(form).getByLabelText('Duration (minutes)'));
    await user.type(within(form).getByLabelText('Duration (minutes)'), '20');
    await user.selectOptions(within(form).getByLabelText('How you meet'), 'phone');
    await user.click(within(form).getByRole('button', { name: 'Create session type' }));

    expect(await screen.findByRole('heading', { name: /Intro call/ })).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      title: 'Intro call',
      durationMinutes: 20,
      mode: 'phone',
      description: '',
      active: true,
    });

    const actions = screen.getByRole('group', { name: 'Actions for Intro call' });
    await user.click(within(actions).getByRole('button', { name: 'Hide from clients' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('session-type')[1]).toHaveAttribute('data-active', 'false'),
    );
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      active: false,
    });
  });
});
