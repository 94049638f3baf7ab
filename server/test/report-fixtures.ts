import type { ConversationDTO, MessageDTO } from '@coachhub/shared/conversation';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { NotificationPage } from '@coachhub/shared/notification';
import type { CreateReportRequest, ReportDTO } from '@coachhub/shared/report';
import { expect } from 'vitest';
import { bearer, type SignedIn } from './fixtures.js';
import type { TestServer } from './test-server.js';

/* Helpers the report and moderation tests share: chats to report from, reports, notifications. */

export const as = (who: SignedIn) => bearer(who.accessToken);
export const errorOf = (body: unknown) => (body as ApiErrorBody).error;
export const fieldsOf = (body: unknown): string[] =>
  ((errorOf(body).details ?? []) as { field: string }[]).map((issue) => issue.field);

/** The direct conversation of a client and a coach (opened by the client). */
export async function openChat(t: TestServer, client: SignedIn, coachId: string) {
  const res = await t.http
    .post('/api/conversations')
    .set(as(client))
    .send({ participantId: coachId });
  expect([200, 201]).toContain(res.status);
  return res.body as ConversationDTO;
}

export async function say(
  t: TestServer,
  who: SignedIn,
  conversationId: string,
  body: string,
): Promise<MessageDTO> {
  const res = await t.http
    .post(`/api/conversations/${conversationId}/messages`)
    .set(as(who))
    .send({ body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as MessageDTO;
}

/** Files a report and expects 201. */
export async function report(
  t: TestServer,
  who: SignedIn,
  input: CreateReportRequest,
): Promise<ReportDTO> {
  const res = await t.http.post('/api/reports').set(as(who)).send(input);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ReportDTO;
}

/** The caller's notifications, newest first, once the event subscribers have run. */
export async function notificationsOf(t: TestServer, who: SignedIn) {
  await t.server.events.settled();
  const res = await t.http.get('/api/notifications').set(as(who));
  expect(res.status).toBe(200);
  return (res.body as NotificationPage).items;
}
