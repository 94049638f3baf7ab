import type { ConversationDTO, MessageDTO, MessageHistory } from '@coachhub/shared/conversation';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { socket } from '@/lib/socket';
import { makeBooking } from '@/testing/booking-fixtures';
import {
  makeConversation,
  makeConversationPage,
  makeMessage,
  makeProposal,
} from '@/testing/conversation-fixtures';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { fakeOf } from '@/testing/fake-socket';
import { makeCoach, makePage, makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

// The app's one socket, replaced by a fake the test plays the server on: the layout and the page
// mount their real listeners on it.
vi.mock('@/lib/socket', async () => {
  const { createFakeSocket } = await import('@/testing/fake-socket');
  return { socket: createFakeSocket().socket };
});
const fake = fakeOf(socket);

beforeEach(() => {
  // Monday 4 May 2026, 10:00 in Berlin (Ada's zone).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-04T08:00:00.000Z'));
  fake.connected = true;
  fake.active = true;
  fake.emitted.length = 0;
  fake.answer('conversation:join', (payload) => ({ ok: true, data: payload }));
  fake.answer('typing', () => ({ ok: true, data: { relayed: true } }));
  fake.answer('presence:query', () => ({
    ok: true,
    data: [{ userId: 'coach-1', online: true }],
  }));
  fake.answer('message:send', () => new Promise(() => undefined));
});
afterEach(() => {
  vi.useRealTimers();
});

const ada = makeUser();
const grace = makeCoach({ _id: 'coach-2', firstName: 'Grace', lastName: 'Hopper' });

const fromCarla = makeMessage({
  _id: 'msg-1',
  body: 'Shall we meet on Wednesday?',
  createdAt: '2026-05-03T16:00:00.000Z',
});
const fromAda = makeMessage({
  _id: 'msg-2',
  senderId: 'user-1',
  body: 'Yes, gladly.',
  createdAt: '2026-05-04T07:00:00.000Z',
});
const lastFromCarla = makeMessage({
  _id: 'msg-3',
  body: 'Great, see you then.',
  createdAt: '2026-05-04T07:30:00.000Z',
});

const conversation = makeConversation({
  unreadCount: 1,
  lastMessage: {
    _id: 'msg-3',
    senderId: 'coach-1',
    preview: 'Great, see you then.',
    deleted: false,
    createdAt: lastFromCarla.createdAt,
  },
  lastActivityAt: lastFromCarla.createdAt,
  // Carla has read Ada's message.
  reads: [{ userId: 'coach-1', readAt: fromAda.createdAt }],
});

const history = (items: MessageDTO[], hasMore = false): MessageHistory => ({ items, hasMore });

/** The routes of one open conversation, plus any given. */
const conversationRoutes = (
  open: ConversationDTO = conversation,
  messages: MessageHistory = history([fromCarla, fromAda, lastFromCarla]),
  extra: FakeRoutes = {},
): FakeRoutes => ({
  'GET /conversations': () => ({ status: 200, data: makeConversationPage([open]) }),
  [`GET /conversations/${open._id}`]: () => ({ status: 200, data: open }),
  [`GET /conversations/${open._id}/messages`]: () => ({ status: 200, data: messages }),
  [`POST /conversations/${open._id}/read`]: () => ({
    status: 200,
    data: {
      conversationId: open._id,
      readAt: '2026-05-04T07:30:00.000Z',
      unreadCount: 0,
      unreadTotal: 0,
    },
  }),
  ...extra,
});

const openConversation = async () => {
  const view = renderApp({ url: '/messages?conversation=conv-1', user: ada });
  const pane = await screen.findByTestId('conversation-pane');
  await within(pane).findByText('Great, see you then.');
  return { ...view, pane };
};

const messageTexts = (pane: HTMLElement) =>
  within(pane)
    .queryAllByTestId('message')
    .map((item) => item.querySelector('.message__body, .message__deleted')?.textContent ?? '');

const composerField = () => screen.getByRole('textbox', { name: 'Your message' });

const messageWith = (pane: HTMLElement, text: string) => {
  const item = within(pane)
    .getAllByTestId('message')
    .find((candidate) => candidate.textContent?.includes(text));
  if (!item) throw new Error(`No message with "${text}"`);
  return item;
};

describe('MessagesPage', () => {
  it('lists the conversations with their last message, unread badges and who is online', async () => {
    installFakeApi({
      'GET /conversations': () => ({
        status: 200,
        data: makeConversationPage([
          makeConversation({ ...conversation, unreadCount: 2 }),
          makeConversation({
            _id: 'conv-2',
            participantIds: ['user-1', 'coach-2'],
            others: [{ kind: 'coach', coach: grace }],
            lastMessage: {
              _id: 'msg-9',
              senderId: 'user-1',
              preview: 'Thanks!',
              deleted: false,
              createdAt: '2026-05-01T09:00:00.000Z',
            },
            lastActivityAt: '2026-05-01T09:00:00.000Z',
          }),
        ]),
      }),
    });
    renderApp({ url: '/messages', user: ada });

    const list = await screen.findByRole('navigation', { name: 'Conversations' });
    const items = await within(list).findAllByTestId('conversation-item');
    expect(items.map((item) => item.dataset.conversationId)).toEqual(['conv-1', 'conv-2']);
    expect(items[0]).toHaveTextContent('Carla Jensen');
    expect(items[0]).toHaveTextContent('Great, see you then.');
    expect(within(items[0]!).getByTestId('unread-count')).toHaveTextContent('2 unread messages');
    expect(items[0]).toHaveAttribute('href', '/messages?conversation=conv-1');
    expect(items[1]).toHaveTextContent('You: Thanks!');
    expect(within(items[1]!).queryByTestId('unread-count')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(items[0]!).getByTestId('presence-indicator')).toHaveAttribute(
        'data-state',
        'online',
      ),
    );
    expect(screen.getByText('Choose a conversation to read and answer it.')).toBeVisible();
  });

  it('opens a conversation: history by day, read ticks, and it is marked read', async () => {
    const { requests } = installFakeApi(conversationRoutes());
    const { pane } = await openConversation();

    expect(within(pane).getByRole('heading', { level: 2, name: 'Carla Jensen' })).toBeVisible();
    expect(
      within(pane)
        .getAllByTestId('day-separator')
        .map((day) => day.textContent),
    ).toEqual(['Yesterday', 'Today']);
    expect(messageTexts(pane)).toEqual([
      'Shall we meet on Wednesday?',
      'Yes, gladly.',
      'Great, see you then.',
    ]);
    expect(within(messageWith(pane, 'Yes, gladly.')).getByTestId('delivery')).toHaveTextContent(
      'Read',
    );
    expect(messageWith(pane, 'Yes, gladly.')).toHaveTextContent('9:00 AM');
    expect(within(pane).getByText('This is the beginning of your conversation.')).toBeVisible();

    await waitFor(() =>
      expect(requests.some((request) => request.url === '/conversations/conv-1/read')).toBe(true),
    );
    const item = screen.getByTestId('conversation-item');
    await waitFor(() => expect(within(item).queryByTestId('unread-count')).not.toBeInTheDocument());
    expect(item).toHaveAttribute('aria-current', 'page');
    // The room is joined, so typing reaches this pane.
    expect(fake.emitted).toContainEqual({
      event: 'conversation:join',
      payload: { conversationId: 'conv-1' },
    });
  });

  it('shows a sent message at once and keeps one copy when message:new and the ack both come', async () => {
    installFakeApi(conversationRoutes());
    let acknowledge: (answer: unknown) => void = () => undefined;
    fake.answer('message:send', () => new Promise((resolve) => (acknowledge = resolve)));
    const { pane, user } = await openConversation();

    await user.type(composerField(), 'See you on Wednesday{Enter}');

    const sending = messageWith(pane, 'See you on Wednesday');
    expect(within(sending).getByTestId('delivery')).toHaveTextContent('Sending…');
    expect(composerField()).toHaveValue('');
    const sent = fake.emitted.find((emit) => emit.event === 'message:send');
    expect(sent?.payload).toMatchObject({
      conversationId: 'conv-1',
      body: 'See you on Wednesday',
      clientId: expect.any(String),
    });
    const { clientId } = sent?.payload as { clientId: string };
    const stored = makeMessage({
      _id: 'msg-4',
      senderId: 'user-1',
      body: 'See you on Wednesday',
      createdAt: '2026-05-04T08:00:00.000Z',
      clientId,
    });

    // The server's broadcast overtakes the ack.
    act(() => fake.fire('message:new', { message: stored }));
    await waitFor(() =>
      expect(
        within(messageWith(pane, 'See you on Wednesday')).getByTestId('delivery'),
      ).toHaveTextContent('Sent'),
    );
    await act(async () => acknowledge({ ok: true, data: stored }));

    expect(messageTexts(pane).filter((text) => text === 'See you on Wednesday')).toHaveLength(1);
    expect(screen.getByTestId('conversation-item')).toHaveTextContent('You: See you on Wednesday');
  });

  it('says when a message was not sent and sends it again on Retry', async () => {
    installFakeApi(conversationRoutes());
    const answers = [
      { ok: false, error: { code: 'RATE_LIMITED', message: 'Too many messages' } },
      {
        ok: true,
        data: makeMessage({
          _id: 'msg-4',
          senderId: 'user-1',
          body: 'Are you there?',
          createdAt: '2026-05-04T08:00:00.000Z',
        }),
      },
    ];
    const sends: unknown[] = [];
    fake.answer('message:send', (payload) => {
      sends.push(payload);
      return answers.shift();
    });
    const { pane, user } = await openConversation();

    await user.type(composerField(), 'Are you there?{Enter}');

    const failed = messageWith(pane, 'Are you there?');
    expect(await within(failed).findByText('Not sent')).toBeVisible();
    await user.click(within(failed).getByRole('button', { name: 'Retry' }));

    await waitFor(() =>
      expect(within(messageWith(pane, 'Are you there?')).getByTestId('delivery')).toHaveTextContent(
        'Sent',
      ),
    );
    expect(within(pane).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(messageTexts(pane).filter((text) => text === 'Are you there?')).toHaveLength(1);
    // The retry is the same message: the same clientId.
    expect(sends).toHaveLength(2);
    expect(sends[1]).toEqual(sends[0]);
  });

  it('adds incoming messages, shows typing, and follows edits, deletions and proposal answers', async () => {
    const proposal = makeMessage({
      _id: 'msg-p',
      kind: 'proposal',
      body: null,
      proposal: makeProposal({ proposedBy: 'user-1' }),
      senderId: 'user-1',
      createdAt: '2026-05-04T07:40:00.000Z',
    });
    installFakeApi(
      conversationRoutes(conversation, history([fromCarla, fromAda, lastFromCarla, proposal])),
    );
    const { pane } = await openConversation();

    act(() => fake.fire('typing', { conversationId: 'conv-1', userId: 'coach-1' }));
    expect(screen.getByTestId('typing-indicator')).toHaveTextContent('Carla Jensen is typing…');

    const incoming = makeMessage({
      _id: 'msg-5',
      body: 'One more thing.',
      createdAt: '2026-05-04T08:00:00.000Z',
    });
    act(() => fake.fire('message:new', { message: incoming }));
    expect(await within(pane).findByText('One more thing.')).toBeVisible();
    expect(screen.getByTestId('message-announcer')).toHaveTextContent(
      'New message from Carla Jensen: One more thing.',
    );
    expect(screen.getByTestId('typing-indicator')).toHaveTextContent('');

    act(() =>
      fake.fire('message:updated', {
        message: {
          ...incoming,
          body: 'One more thing, sorry.',
          editedAt: '2026-05-04T08:01:00.000Z',
        },
      }),
    );
    const edited = await within(pane).findByText('One more thing, sorry.');
    expect(messageWith(pane, 'One more thing, sorry.')).toHaveTextContent('edited');
    expect(edited).toBeVisible();

    act(() =>
      fake.fire('message:updated', { message: { ...fromCarla, body: null, deleted: true } }),
    );
    expect(await within(pane).findByText('This message was deleted.')).toBeVisible();
    expect(within(pane).queryByText('Shall we meet on Wednesday?')).not.toBeInTheDocument();

    const card = within(pane).getByTestId('proposal-card');
    expect(within(card).getByTestId('proposal-status')).toHaveTextContent('Waiting for an answer');
    act(() =>
      fake.fire('message:updated', {
        message: {
          ...proposal,
          proposal: makeProposal({ proposedBy: 'user-1', status: 'declined' }),
        },
      }),
    );
    await waitFor(() =>
      expect(within(pane).getByTestId('proposal-status')).toHaveTextContent('Declined'),
    );
    expect(within(pane).queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();
  });

  it('accepts a proposal and shows the booking', async () => {
    const proposal = makeMessage({
      _id: 'msg-p',
      kind: 'proposal',
      body: null,
      proposal: makeProposal(),
      createdAt: '2026-05-04T07:40:00.000Z',
    });
    const accepted = {
      ...proposal,
      proposal: makeProposal({
        status: 'accepted',
        bookingId: 'booking-1',
        answeredBy: 'user-1',
        answeredAt: '2026-05-04T08:00:00.000Z',
      }),
    };
    const { requests } = installFakeApi(
      conversationRoutes(conversation, history([fromCarla, fromAda, lastFromCarla, proposal]), {
        'POST /proposals/msg-p/accept': () => ({
          status: 200,
          data: { booking: makeBooking({ status: 'confirmed' }), message: accepted },
        }),
      }),
    );
    const { pane, user } = await openConversation();

    const card = within(pane).getByTestId('proposal-card');
    expect(card).toHaveTextContent('Session proposal');
    expect(card).toHaveTextContent('Career deep dive · 60 min');
    expect(card).toHaveTextContent('Wednesday, May 6, 2026 at 10:00 AM');
    expect(card).toHaveTextContent('Price: €90.00');
    expect(card).toHaveTextContent('Proposed by Carla Jensen');
    await user.click(within(card).getByRole('button', { name: 'Accept' }));

    expect(await within(pane).findByText('The session is booked.')).toBeVisible();
    expect(within(pane).getByTestId('proposal-status')).toHaveTextContent('Accepted');
    expect(within(pane).getByRole('link', { name: 'See it in My bookings' })).toHaveAttribute(
      'href',
      '/bookings',
    );
    expect(within(pane).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    expect(requests.some((request) => request.url === '/proposals/msg-p/accept')).toBe(true);
  });

  it('explains a refused answer to a proposal in the reader’s words', async () => {
    const proposal = makeMessage({
      _id: 'msg-p',
      kind: 'proposal',
      body: null,
      proposal: makeProposal(),
      createdAt: '2026-05-04T07:40:00.000Z',
    });
    installFakeApi(
      conversationRoutes(conversation, history([fromCarla, fromAda, lastFromCarla, proposal]), {
        'POST /proposals/msg-p/accept': () => apiErrorReply(409, 'BOOKING_CONFLICT'),
      }),
    );
    const { pane, user } = await openConversation();

    await user.click(within(pane).getByRole('button', { name: 'Accept' }));

    expect(await within(pane).findByRole('alert')).toHaveTextContent(
      'This time was just taken. Please pick another one.',
    );
  });

  it('loads the page before when the reader scrolls to the top', async () => {
    const older = makeMessage({
      _id: 'msg-0',
      body: 'Nice to meet you.',
      createdAt: '2026-04-28T10:00:00.000Z',
    });
    const { requests } = installFakeApi(
      conversationRoutes(conversation, history([fromCarla, fromAda, lastFromCarla], true), {
        'GET /conversations/conv-1/messages': ({ params }) => ({
          status: 200,
          data:
            params.before === 'msg-1'
              ? history([older])
              : history([fromCarla, fromAda, lastFromCarla], true),
        }),
      }),
    );
    const { pane } = await openConversation();
    expect(within(pane).getByRole('button', { name: 'Load older messages' })).toBeVisible();

    fireEvent.scroll(within(pane).getByTestId('message-history'), { target: { scrollTop: 0 } });

    expect(await within(pane).findByText('Nice to meet you.')).toBeVisible();
    expect(messageTexts(pane)[0]).toBe('Nice to meet you.');
    expect(within(pane).getAllByTestId('day-separator')[0]).toHaveTextContent(
      'Tuesday, April 28, 2026',
    );
    expect(within(pane).getByText('This is the beginning of your conversation.')).toBeVisible();
    expect(requests.find((request) => request.params.before)?.params).toMatchObject({
      before: 'msg-1',
    });
  });

  it('says when the connection drops and catches up without duplicates once it is back', async () => {
    const caughtUp = makeMessage({
      _id: 'msg-6',
      body: 'Did you get my last message?',
      createdAt: '2026-05-04T07:50:00.000Z',
    });
    const later = makeMessage({
      _id: 'msg-7',
      body: 'Never mind, found it.',
      createdAt: '2026-05-04T07:55:00.000Z',
    });
    const { requests } = installFakeApi(
      conversationRoutes(conversation, history([fromCarla, fromAda, lastFromCarla]), {
        'GET /conversations/conv-1/messages': ({ params }) => ({
          status: 200,
          data:
            params.after === 'msg-3'
              ? history([caughtUp, later])
              : history([fromCarla, fromAda, lastFromCarla]),
        }),
      }),
    );
    const { pane } = await openConversation();
    expect(screen.queryByTestId('connection-banner')).not.toBeInTheDocument();

    act(() => fake.setConnected(false));
    expect(screen.getByTestId('connection-banner')).toHaveTextContent(
      'Connection lost. Reconnecting…',
    );

    fake.emitted.length = 0;
    act(() => {
      fake.setConnected(true);
      // A message the recovered connection still delivers, also in the catch-up page.
      fake.fire('message:new', { message: caughtUp });
    });

    expect(await within(pane).findByText('Never mind, found it.')).toBeVisible();
    expect(screen.queryByTestId('connection-banner')).not.toBeInTheDocument();
    expect(messageTexts(pane)).toEqual([
      'Shall we meet on Wednesday?',
      'Yes, gladly.',
      'Great, see you then.',
      'Did you get my last message?',
      'Never mind, found it.',
    ]);
    expect(fake.emitted).toContainEqual({
      event: 'conversation:join',
      payload: { conversationId: 'conv-1' },
    });
    expect(requests.find((request) => request.params.after)?.params).toMatchObject({
      after: 'msg-3',
      limit: 100,
    });
  });

  it('shows what changed while it was offline: an edit and a proposal answered', async () => {
    const edited = {
      ...lastFromCarla,
      body: 'Great, see you then! Room 4.',
      editedAt: '2026-05-04T07:59:00.000Z',
    };
    let reconnected = false;
    installFakeApi(
      conversationRoutes(conversation, history([fromCarla, fromAda, lastFromCarla]), {
        'GET /conversations/conv-1/messages': ({ params }) => ({
          status: 200,
          data:
            params.after === 'msg-3'
              ? history([])
              : history(
                  reconnected ? [fromCarla, fromAda, edited] : [fromCarla, fromAda, lastFromCarla],
                ),
        }),
      }),
    );
    const { pane } = await openConversation();
    expect(within(pane).getByText('Great, see you then.')).toBeVisible();

    act(() => fake.setConnected(false));
    reconnected = true;
    act(() => fake.setConnected(true));

    expect(await within(pane).findByText('Great, see you then! Room 4.')).toBeVisible();
    expect(within(pane).queryByText('Great, see you then.')).not.toBeInTheDocument();
    expect(messageTexts(pane)).toHaveLength(3);
  });

  it('edits and deletes an own message, and replies with a quote', async () => {
    // Ten minutes old: still within the 15 minutes it can be deleted for everyone.
    const recent = { ...fromAda, createdAt: '2026-05-04T07:50:00.000Z' };
    const { requests } = installFakeApi(
      conversationRoutes(conversation, history([fromCarla, lastFromCarla, recent]), {
        'PATCH /messages/msg-2': ({ body }) => ({
          status: 200,
          data: { ...recent, ...(body as object), editedAt: '2026-05-04T08:00:00.000Z' },
        }),
        'DELETE /messages/msg-2': () => ({
          status: 200,
          data: { ...recent, body: null, deleted: true },
        }),
      }),
    );
    fake.answer('message:send', (payload) => ({
      ok: true,
      data: makeMessage({
        _id: 'msg-8',
        senderId: 'user-1',
        body: (payload as { body: string }).body,
        replyTo: {
          _id: 'msg-3',
          senderId: 'coach-1',
          preview: 'Great, see you then.',
          deleted: false,
          createdAt: lastFromCarla.createdAt,
        },
        createdAt: '2026-05-04T08:00:00.000Z',
      }),
    }));
    const { pane, user } = await openConversation();

    const mine = messageWith(pane, 'Yes, gladly.');
    await user.click(within(mine).getByRole('button', { name: 'Edit' }));
    const field = within(mine).getByRole('textbox', { name: 'Edit your message' });
    await user.clear(field);
    await user.type(field, 'Yes, very gladly.{Enter}');
    expect(await within(pane).findByText('Yes, very gladly.')).toBeVisible();
    expect(messageWith(pane, 'Yes, very gladly.')).toHaveTextContent('edited');
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      body: 'Yes, very gladly.',
    });

    await user.click(
      within(messageWith(pane, 'Yes, very gladly.')).getByRole('button', { name: 'Delete' }),
    );
    await user.click(within(pane).getByRole('button', { name: 'Delete for everyone' }));
    expect(await within(pane).findByText('This message was deleted.')).toBeVisible();
    expect(requests.find((request) => request.method === 'DELETE')?.params).toEqual({
      for: 'everyone',
    });

    await user.click(
      within(messageWith(pane, 'Great, see you then.')).getByRole('button', { name: 'Reply' }),
    );
    expect(screen.getByTestId('reply-preview')).toHaveTextContent(
      'Replying to Carla JensenGreat, see you then.',
    );
    expect(composerField()).toHaveFocus();
    await user.type(composerField(), 'Looking forward to it{Enter}');
    const reply = await waitFor(() => messageWith(pane, 'Looking forward to it'));
    expect(within(reply).getByRole('blockquote')).toHaveTextContent(
      'In reply to Carla JensenGreat, see you then.',
    );
    expect(fake.emitted.find((emit) => emit.event === 'message:send')?.payload).toMatchObject({
      replyTo: 'msg-3',
    });
    expect(screen.queryByTestId('reply-preview')).not.toBeInTheDocument();
  });

  it('reports a message of the other person, and the person, never an own message', async () => {
    const { requests } = installFakeApi(
      conversationRoutes(conversation, undefined, {
        'POST /reports': () => ({ status: 201, data: {} }),
      }),
    );
    const { pane, user } = await openConversation();
    expect(
      within(messageWith(pane, 'Yes, gladly.')).queryByRole('button', { name: /Report/ }),
    ).toBeNull();

    await user.click(
      within(messageWith(pane, 'Shall we meet on Wednesday?')).getByRole('button', {
        name: 'Report a message from Carla Jensen',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Report a message from Carla Jensen',
    });
    await user.click(within(dialog).getByRole('radio', { name: 'Spam or advertising' }));
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));
    await within(dialog).findByText('Thank you, an admin will look at it.');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await user.click(within(pane).getByRole('button', { name: 'Report Carla Jensen' }));
    const aboutCarla = screen.getByRole('dialog', { name: 'Report Carla Jensen' });
    await user.click(within(aboutCarla).getByRole('radio', { name: 'Harassment or insults' }));
    await user.click(within(aboutCarla).getByRole('button', { name: 'Send report' }));
    await within(aboutCarla).findByText('Thank you, an admin will look at it.');

    expect(requests.filter((request) => request.url === '/reports').map((r) => r.body)).toEqual([
      { targetType: 'message', targetId: 'msg-1', reason: 'spam' },
      { targetType: 'user', targetId: 'coach-1', reason: 'harassment' },
    ]);
  });

  it('sends a picture as multipart and shows it', async () => {
    const picture = new File(['png'], 'plan.png', { type: 'image/png' });
    const { requests } = installFakeApi(
      conversationRoutes(conversation, undefined, {
        'POST /conversations/conv-1/messages': () => ({
          status: 201,
          data: makeMessage({
            _id: 'msg-9',
            senderId: 'user-1',
            body: 'My plan',
            image: { url: '/uploads/chat/plan.png' },
            createdAt: '2026-05-04T08:00:00.000Z',
          }),
        }),
      }),
    );
    const { pane, user } = await openConversation();

    await user.upload(screen.getByLabelText('Attach a picture'), picture);
    expect(screen.getByTestId('image-preview')).toHaveTextContent('plan.png');
    await user.type(composerField(), 'My plan{Enter}');

    const image = await within(pane).findByRole('img', { name: 'Picture from You' });
    await waitFor(() => expect(image).toHaveAttribute('src', '/uploads/chat/plan.png'));
    const sent = requests.find(
      (request) => request.method === 'POST' && request.url.endsWith('/messages'),
    );
    expect(sent?.body).toBeInstanceOf(FormData);
    const form = sent?.body as FormData;
    expect(form.get('file')).toBeInstanceOf(File);
    expect(form.get('body')).toBe('My plan');
    expect(fake.emitted.some((emit) => emit.event === 'message:send')).toBe(false);
  });

  it('opens the conversation with a coach from "Send a message" on the profile', async () => {
    const withGrace = makeConversation({
      _id: 'conv-2',
      participantIds: ['user-1', 'coach-2'],
      others: [{ kind: 'coach', coach: grace }],
    });
    const { requests } = installFakeApi({
      ...conversationRoutes(withGrace, history([])),
      'GET /coaches/coach-2': () => ({ status: 200, data: { ...grace, sessionTypes: [] } }),
      'POST /conversations': () => ({ status: 201, data: withGrace }),
    });
    const { user, router } = renderApp({ url: '/coaches/coach-2', user: ada });

    const link = await screen.findByRole('link', { name: 'Send a message' });
    expect(link).toHaveAttribute('href', '/messages?with=coach-2');
    await user.click(link);

    const pane = await screen.findByTestId('conversation-pane');
    expect(within(pane).getByRole('heading', { level: 2, name: 'Grace Hopper' })).toBeVisible();
    expect(await within(pane).findByText('No messages yet. Say hello!')).toBeVisible();
    expect(router.state.location.search).toBe('?conversation=conv-2');
    expect(
      requests.filter((request) => request.method === 'POST' && request.url === '/conversations'),
    ).toEqual([expect.objectContaining({ body: { participantId: 'coach-2' } })]);
  });

  it('opens the conversation of a booking from "Message" in My bookings', async () => {
    const forBooking = makeConversation({ _id: 'conv-3', kind: 'booking', bookingId: 'booking-1' });
    const { requests } = installFakeApi({
      ...conversationRoutes(forBooking, history([])),
      'GET /bookings': () => ({ status: 200, data: makePage([makeBooking()]) }),
      'POST /conversations': () => ({ status: 200, data: forBooking }),
    });
    const { user } = renderApp({ url: '/bookings', user: ada });

    const card = await screen.findByTestId('booking-card');
    await user.click(within(card).getByRole('link', { name: 'Message' }));

    const pane = await screen.findByTestId('conversation-pane');
    expect(within(pane).getByRole('heading', { level: 2, name: 'Carla Jensen' })).toBeVisible();
    expect(
      requests.find((request) => request.url === '/conversations' && request.method === 'POST')
        ?.body,
    ).toEqual({
      bookingId: 'booking-1',
    });
  });
});
