import type { OutboxMailDTO } from '@coachhub/shared/notification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from '../../../test/fixtures.js';
import { createBookableCoach, futureAt } from '../../../test/scheduling-fixtures.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

const as = (who: SignedIn) => bearer(who.accessToken);

describe('the development outbox (no SMTP server configured)', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(import.meta.filename);
  });
  afterAll(() => t.close());

  it('keeps the mails and lists them newest first', async () => {
    const coach = await createBookableCoach({ coach: { firstName: 'Marco', lastName: 'Coach' } });
    const client = await createUser({ firstName: 'Tom', lastName: 'Client' }).then(sessionFor);
    const res = await t.http
      .post('/api/bookings')
      .set(as(client))
      .send({
        coachId: coach.user.id,
        sessionTypeId: coach.types[60],
        start: futureAt(5, '10:00'),
      });
    expect(res.status).toBe(201);
    await t.server.events.settled();

    const outbox = await t.http.get('/api/dev/outbox');
    expect(outbox.status).toBe(200);
    const [latest] = outbox.body as OutboxMailDTO[];
    expect(latest).toMatchObject({
      to: coach.user.email,
      subject: 'New booking: 60-minute session with Tom Client',
      attachments: [{ filename: 'coachhub-booking.ics', contentType: 'text/calendar' }],
    });
    expect(latest?.text).toContain('Tom Client booked "60-minute session" on');
  });
});
