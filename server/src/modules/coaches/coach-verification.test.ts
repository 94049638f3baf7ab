import type { AuditLogEntryDTO } from '@coachhub/shared/admin';
import type { CoachDirectoryPage, CoachDTO } from '@coachhub/shared/coach';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import type { Page } from '@coachhub/shared/pagination';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { closeAllSockets, connectSocket, nextEvent } from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let admin: SignedIn;
let client: SignedIn;
let first: SignedIn;
let second: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  [admin, client, first, second] = await Promise.all([
    createUser({ role: 'admin' }).then(sessionFor),
    createUser().then(sessionFor),
    createUser({ firstName: 'Fay' }).then(sessionFor),
    createUser({ firstName: 'Sid' }).then(sessionFor),
  ]);
  // In queue order: first, then second.
  for (const applicant of [first, second]) {
    const res = await t.http
      .post('/api/users/me/become-coach')
      .set(bearer(applicant.accessToken))
      .send({ headline: 'New coach', specialties: ['life'] });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

const codeOf = (body: unknown) => (body as ApiErrorBody).error.code;
const decide = (token: string, userId: string, action: 'approve' | 'reject', body: object = {}) =>
  t.http.post(`/api/admin/coaches/${userId}/${action}`).set(bearer(token)).send(body);
const pending = (token: string, query = '') =>
  t.http.get(`/api/admin/coaches/pending${query}`).set(bearer(token));
const directoryIds = async () =>
  ((await t.http.get('/api/coaches')).body as CoachDirectoryPage).items.map((c) => c._id);

describe('admin coach verification', () => {
  it('is for admins only', async () => {
    for (const caller of [client, first]) {
      expect(codeOf((await pending(caller.accessToken)).body)).toBe('FORBIDDEN');
      const res = await decide(caller.accessToken, second.user._id, 'approve');
      expect(res.status).toBe(403);
    }
    expect((await t.http.get('/api/admin/coaches/pending')).status).toBe(401);
  });

  it('lists pending coaches oldest first, paged', async () => {
    const res = await pending(admin.accessToken);
    expect(res.status).toBe(200);
    const page = res.body as Page<CoachDTO>;
    expect(page).toMatchObject({ page: 1, limit: 20, total: 2 });
    expect(page.items.map((c) => c.firstName)).toEqual(['Fay', 'Sid']);
    const second = (await pending(admin.accessToken, '?page=2&limit=1')).body as Page<CoachDTO>;
    expect(second.items.map((c) => c.firstName)).toEqual(['Sid']);
    expect((await pending(admin.accessToken, '?limit=500')).status).toBe(400);
  });

  it('approves: the coach enters the directory, hears of it live, and the audit log has it', async () => {
    expect(await directoryIds()).toEqual([]);
    const socket = await connectSocket(t.baseUrl, first.accessToken);
    const heard = nextEvent(socket, 'coach:updated');

    const res = await decide(admin.accessToken, first.user._id, 'approve');
    expect(res.status).toBe(200);
    const coach = res.body as CoachDTO;
    expect(coach.verification).toEqual({
      status: 'approved',
      reason: null,
      reviewedAt: expect.stringMatching(/^\d{4}-/),
    });
    expect((await heard).coach).toMatchObject({
      _id: first.user._id,
      status: 'online',
      online: true,
    });
    expect(await directoryIds()).toEqual([first.user._id]);
    expect((await decide(admin.accessToken, first.user._id, 'approve')).status).toBe(409);
  });

  it('rejects with a reason the coach can read; a rejected coach stays out', async () => {
    const noReason = await decide(admin.accessToken, second.user._id, 'reject', {});
    expect(noReason.status).toBe(400);
    const res = await decide(admin.accessToken, second.user._id, 'reject', {
      reason: 'Please add your certifications',
    });
    expect(res.status).toBe(200);
    const own = await t.http.get(`/api/coaches/${second.user._id}`).set(bearer(second.accessToken));
    expect((own.body as CoachDTO).verification).toMatchObject({
      status: 'rejected',
      reason: 'Please add your certifications',
    });
    expect(await directoryIds()).toEqual([first.user._id]);
    expect(((await pending(admin.accessToken)).body as Page<CoachDTO>).total).toBe(0);
  });

  it('can withdraw an approval by rejecting', async () => {
    const res = await decide(admin.accessToken, first.user._id, 'reject', { reason: 'Complaints' });
    expect(res.status).toBe(200);
    expect(await directoryIds()).toEqual([]);
    await decide(admin.accessToken, first.user._id, 'approve', { reason: 'Resolved' });
    expect(await directoryIds()).toEqual([first.user._id]);
  });

  it('answers 404 for users without a coach profile and 400 for bad ids or extra fields', async () => {
    expect((await decide(admin.accessToken, client.user._id, 'approve')).status).toBe(404);
    expect((await decide(admin.accessToken, 'nope', 'approve')).status).toBe(400);
    const extra = await decide(admin.accessToken, first.user._id, 'reject', {
      reason: 'x',
      status: 'approved',
    });
    expect(extra.status).toBe(400);
  });

  it('writes every decision to the audit log', async () => {
    const res = await t.http.get('/api/admin/audit-log').set(bearer(admin.accessToken));
    const entries = (res.body as Page<AuditLogEntryDTO>).items;
    expect(entries.map((e) => [e.action, e.targetType, e.targetId, e.reason])).toEqual([
      ['coach.approve', 'coach', first.user._id, 'Resolved'],
      ['coach.reject', 'coach', first.user._id, 'Complaints'],
      ['coach.reject', 'coach', second.user._id, 'Please add your certifications'],
      ['coach.approve', 'coach', first.user._id, 'Profile approved'],
    ]);
    expect(entries[0]?.actor?._id).toBe(admin.user._id);
  });
});
