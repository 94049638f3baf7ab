import type { BookingDTO } from '@coachhub/shared/booking';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';

import { makeAvailability, makeBooking } from '@/testing/booking-fixtures';
import { installFakeApi } from '@/testing/fake-api';
import { createFakeSocket } from '@/testing/fake-socket';
import { makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

import { followBookingUpdates } from '../api/use-booking-updates';

beforeEach(() => {
  // Monday 4 May 2026, 10:00 in Berlin: the booking below is on Wednesday at 10:00.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T08:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

const client = makeUser();
const coachUser = makeUser({ _id: 'coach-1', role: 'coach', firstName: 'Carla' });

describe('MyBookingsPage', () => {
  it('turns a booking confirmed on screen when the socket says so, without a refetch', async () => {
    const { requests } = installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([makeBooking()]) }),
    });
    const { queryClient } = renderApp({ url: '/bookings', user: client });
    const card = await screen.findByTestId('booking-card');
    expect(within(card).getByTestId('booking-status')).toHaveTextContent('Awaiting confirmation');
    expect(requests[0]?.params).toMatchObject({
      role: 'client',
      from: '2026-05-04T08:00:00.000Z',
      page: 1,
    });

    const { fake, socket } = createFakeSocket();
    const stop = followBookingUpdates(socket, queryClient);
    act(() =>
      fake.fire('booking:updated', {
        booking: makeBooking({
          status: 'confirmed',
          meetingUrl: 'https://meet.example/room-1',
          allowedActions: ['cancel', 'reschedule'],
        }),
      }),
    );

    // React Query tells the screen on its next tick.
    await waitFor(() =>
      expect(within(card).getByTestId('booking-status')).toHaveTextContent('Confirmed'),
    );
    expect(within(card).getByRole('link', { name: 'Join the video call' })).toHaveAttribute(
      'href',
      'https://meet.example/room-1',
    );
    expect(within(card).getByRole('button', { name: 'Add to calendar (.ics)' })).toBeVisible();
    expect(requests.filter((request) => request.url === '/bookings')).toHaveLength(1);
    stop();
  });

  it('shows the fee a late cancellation costs before the client confirms it', async () => {
    // Starts in 22 hours: inside the 24-hour window, so half of the 90 EUR.
    const booking = makeBooking({
      status: 'confirmed',
      start: '2026-05-05T06:00:00.000Z',
      end: '2026-05-05T07:00:00.000Z',
    });
    const { requests } = installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([booking]) }),
      'GET /availability/coach-1': () => ({ status: 200, data: makeAvailability() }),
      'POST /bookings/booking-1/cancel': () => ({
        status: 200,
        data: {
          ...booking,
          status: 'cancelled',
          allowedActions: [],
          cancellation: {
            by: 'client',
            at: '2026-05-04T08:00:00.000Z',
            reason: 'Sick',
            fee: { amount: 4500, currency: 'EUR' },
          },
        },
      }),
    });
    const { user } = renderApp({ url: '/bookings', user: client });
    const card = await screen.findByTestId('booking-card');
    await user.click(within(card).getByRole('button', { name: 'Cancel booking' }));

    const panel = within(card).getByRole('form', { name: 'Cancel this booking?' });
    expect(await within(panel).findByTestId('cancellation-fee')).toHaveTextContent(
      'Cancelling now costs €45.00 (50% of €90.00): free cancellation ended on May 4, 2026, 8:00 AM.',
    );
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await user.type(within(panel).getByLabelText('Reason (optional)'), 'Sick');
    await user.click(within(panel).getByRole('button', { name: 'Cancel booking' }));
    expect(await screen.findByText('The booking has been cancelled.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      reason: 'Sick',
    });
    await waitFor(() =>
      expect(within(card).getByTestId('booking-status')).toHaveTextContent('Cancelled'),
    );
    expect(card).toHaveTextContent('Cancellation fee: €45.00.');
  });

  it("holds the client to the booking's own policy and fee clock, not the coach's current policy", async () => {
    // Moved to next week, but first booked for tomorrow 10:00 (Berlin): the fee window runs
    // from that earliest start, under the policy stored with the booking.
    const booking = makeBooking({
      status: 'confirmed',
      start: '2026-05-11T08:00:00.000Z',
      end: '2026-05-11T09:00:00.000Z',
      feeClockStart: '2026-05-05T08:00:00.000Z',
      cancellationPolicy: { freeUntilHours: 48, feePercent: 20 },
      allowedActions: ['cancel'],
    });
    const { requests } = installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([booking]) }),
    });
    const { user } = renderApp({ url: '/bookings', user: client });
    const card = await screen.findByTestId('booking-card');
    expect(within(card).queryByRole('button', { name: 'Reschedule' })).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Cancel booking' }));
    expect(await within(card).findByTestId('cancellation-fee')).toHaveTextContent(
      'Cancelling now costs €18.00 (20% of €90.00): free cancellation ended on May 3, 2026, 10:00 AM.',
    );
    expect(requests.some((request) => request.url.startsWith('/availability'))).toBe(false);
  });

  it('shows the client a move that waits for the coach', async () => {
    const booking = makeBooking({
      status: 'confirmed',
      pendingReschedule: {
        start: '2026-05-07T12:00:00.000Z',
        end: '2026-05-07T13:00:00.000Z',
        requestedAt: '2026-05-04T07:00:00.000Z',
      },
    });
    installFakeApi({ 'GET /bookings': () => ({ status: 200, data: makePage([booking]) }) });
    renderApp({ url: '/bookings', user: client });
    const card = await screen.findByTestId('booking-card');
    expect(within(card).getByTestId('pending-reschedule')).toHaveTextContent(
      'Waiting for Carla Jensen to approve the new time: Thursday, May 7, 2026, 2:00 PM. Until then the session stays at its current time.',
    );
  });

  it("lets the coach approve a client's new time", async () => {
    const requested = makeBooking({
      status: 'confirmed',
      pendingReschedule: {
        start: '2026-05-07T12:00:00.000Z',
        end: '2026-05-07T13:00:00.000Z',
        requestedAt: '2026-05-04T07:00:00.000Z',
      },
      allowedActions: ['cancel', 'reschedule', 'approve_reschedule', 'decline_reschedule'],
    });
    const approved: BookingDTO = {
      ...requested,
      start: '2026-05-07T12:00:00.000Z',
      end: '2026-05-07T13:00:00.000Z',
      pendingReschedule: null,
      allowedActions: ['cancel', 'reschedule'],
    };
    let current = requested;
    const { requests } = installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([current]) }),
      'POST /bookings/booking-1/approve-reschedule': () => {
        current = approved;
        return { status: 200, data: approved };
      },
    });
    const { user } = renderApp({ url: '/practice', user: coachUser });
    const card = await screen.findByTestId('booking-card');
    expect(within(card).getByTestId('pending-reschedule')).toHaveTextContent(
      'Ada Lovelace asks to move this session to Thursday, May 7, 2026, 2:00 PM.',
    );
    expect(within(card).getByRole('button', { name: 'Keep the current time' })).toBeVisible();

    await user.click(within(card).getByRole('button', { name: 'Approve the new time' }));
    expect(
      await screen.findByText('The booking has been moved to the new time.'),
    ).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.url).toBe(
      '/bookings/booking-1/approve-reschedule',
    );
    await waitFor(() => expect(within(card).queryByTestId('pending-reschedule')).toBeNull());
  });

  it('lets the coach confirm a request and filter by status, all in the URL', async () => {
    const pending = makeBooking({ allowedActions: ['confirm', 'decline', 'cancel', 'reschedule'] });
    const { requests } = installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([pending]) }),
      'POST /bookings/booking-1/confirm': () => ({
        status: 200,
        data: { ...pending, status: 'confirmed', allowedActions: ['cancel', 'reschedule'] },
      }),
    });
    const { user, router } = renderApp({ url: '/practice', user: coachUser });
    const card = await screen.findByTestId('booking-card');
    expect(card).toHaveTextContent('with your client Ada Lovelace');
    expect(requests[0]?.params).toMatchObject({ role: 'coach' });

    await user.click(within(card).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('The booking has been confirmed.')).toBeInTheDocument();
    expect(within(card).getByTestId('booking-status')).toHaveTextContent('Confirmed');
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({});

    await user.selectOptions(screen.getByLabelText('Status'), 'confirmed');
    expect(router.state.location.search).toBe('?status=confirmed');
    await waitFor(() =>
      expect(requests.at(-1)?.params).toMatchObject({ role: 'coach', status: 'confirmed' }),
    );
    await user.click(screen.getByRole('link', { name: 'Past' }));
    expect(router.state.location.search).toBe('?status=confirmed&scope=past');
    await waitFor(() =>
      expect(requests.at(-1)?.params).toMatchObject({ to: '2026-05-04T08:00:00.000Z' }),
    );
  });

  it('downloads the calendar file through the API client, with the token', async () => {
    // jsdom cannot make object URLs: the test lends URL a pair and restores it afterwards.
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:booking-1');
    const revokeObjectURL = vi.fn((_url: string) => undefined);
    const lent = Object.getOwnPropertyDescriptors(URL);
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    onTestFinished(() => {
      for (const name of ['createObjectURL', 'revokeObjectURL'] as const) {
        const original = lent[name];
        if (original) Object.defineProperty(URL, name, original);
        else Reflect.deleteProperty(URL, name);
      }
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requests } = installFakeApi({
      'GET /bookings': () => ({
        status: 200,
        data: makePage([makeBooking({ status: 'confirmed' })]),
      }),
      'GET /bookings/booking-1/ics': () => ({
        status: 200,
        data: new Blob(['BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'], { type: 'text/calendar' }),
      }),
    });
    const { user } = renderApp({ url: '/bookings', user: client });
    await user.click(await screen.findByRole('button', { name: 'Add to calendar (.ics)' }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const ics = requests.find((request) => request.url === '/bookings/booking-1/ics');
    expect(ics?.headers.get('Authorization')).toBe('Bearer test-access-token');
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(click.mock.contexts[0]).toHaveProperty('download', 'coachhub-booking-booking-1.ics');
  });

  it('lets a coach mark a past confirmed session completed from the Past tab', async () => {
    const past = makeBooking({
      _id: 'booking-past',
      status: 'confirmed',
      start: '2026-05-01T08:00:00.000Z',
      end: '2026-05-01T09:00:00.000Z',
      meetingUrl: 'https://meet.example/room-1',
      allowedActions: ['cancel', 'complete', 'no_show'],
    });
    const { requests } = installFakeApi({
      'GET /bookings': () => ({ status: 200, data: makePage([past]) }),
      'POST /bookings/booking-past/complete': () => ({
        status: 200,
        data: { ...past, status: 'completed', allowedActions: [] },
      }),
    });
    const { user } = renderApp({ url: '/practice?as=coach&scope=past', user: coachUser });
    const card = await screen.findByTestId('booking-card');
    expect(requests.find((request) => request.url === '/bookings')?.params).toMatchObject({
      role: 'coach',
      to: '2026-05-04T08:00:00.000Z',
    });
    expect(within(card).getByRole('button', { name: 'Mark as no-show' })).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Mark as completed' }));
    await waitFor(() =>
      expect(within(card).getByTestId('booking-status')).toHaveTextContent('Completed'),
    );
    expect(requests.map((request) => `${request.method} ${request.url}`)).toContain(
      'POST /bookings/booking-past/complete',
    );
    expect(within(card).queryByRole('button', { name: 'Mark as no-show' })).not.toBeInTheDocument();
  });
});
