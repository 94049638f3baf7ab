import type { CoachVerificationEvent } from '@coachhub/shared/coach';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import {
  closeAllSockets,
  connectSocket,
  nextEvent,
  type ClientSocket,
} from '../../../test/sockets.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let t: TestServer;
let admins: SignedIn[];
let bystander: SignedIn;
let applicant: SignedIn;

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  admins = await Promise.all([
    createUser({ role: 'admin' }).then(sessionFor),
    createUser({ role: 'admin' }).then(sessionFor),
  ]);
  [bystander, applicant] = await Promise.all([
    createUser().then(sessionFor),
    createUser({ firstName: 'Nia', lastName: 'Applicant' }).then(sessionFor),
  ]);
});
afterAll(async () => {
  closeAllSockets();
  await t.close();
});

/** Every `coach:verification_changed` a socket hears. */
const recorded = (socket: ClientSocket) => {
  const heard: CoachVerificationEvent[] = [];
  socket.on('coach:verification_changed', (payload) => heard.push(payload));
  return heard;
};

describe('the verification queue, live', () => {
  it("tells every admin's sockets when a coach applies and when one is decided, and no one else", async () => {
    const adminSockets = await Promise.all(
      admins.map((admin) => connectSocket(t.baseUrl, admin.accessToken)),
    );
    const others = await Promise.all(
      [bystander, applicant].map((user) => connectSocket(t.baseUrl, user.accessToken)),
    );
    const overheard = others.map(recorded);

    const applied = adminSockets.map((socket) => nextEvent(socket, 'coach:verification_changed'));
    const res = await t.http
      .post('/api/users/me/become-coach')
      .set(bearer(applicant.accessToken))
      .send({ headline: 'Helping night owls', specialties: ['life'] });
    expect(res.status).toBe(201);
    for (const { coach } of await Promise.all(applied)) {
      expect(coach).toMatchObject({
        _id: applicant.user._id,
        firstName: 'Nia',
        headline: 'Helping night owls',
        verification: { status: 'pending' },
      });
      expect(coach).not.toHaveProperty('email');
    }

    // The other admin's queue loses the coach the first admin approved.
    const decided = nextEvent(adminSockets[1] as ClientSocket, 'coach:verification_changed');
    // The applicant hears `coach:updated` about their own profile, never the admins' event.
    const told = nextEvent(
      others[1] as ClientSocket,
      'coach:updated',
      ({ coach }) => coach.verification.status === 'approved',
    );
    const approval = await t.http
      .post(`/api/admin/coaches/${applicant.user._id}/approve`)
      .set(bearer((admins[0] as SignedIn).accessToken))
      .send({});
    expect(approval.status).toBe(200);
    expect((await decided).coach).toMatchObject({
      _id: applicant.user._id,
      verification: { status: 'approved' },
    });

    await told;
    expect(overheard).toEqual([[], []]);
  });
});
