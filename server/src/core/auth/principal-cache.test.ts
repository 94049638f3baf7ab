import { setTimeout as delay } from 'node:timers/promises';
import type { UserStatus } from '@coachhub/shared/roles';
import { describe, expect, it, vi } from 'vitest';
import { createPrincipalCache, type PrincipalState } from './principal-cache.js';

/** An open session of an active client `userId`, with `changes` to its status or session. */
const active = (
  userId: string,
  changes: { status?: UserStatus; sessionOpen?: boolean } = {},
): PrincipalState => ({
  account: {
    _id: userId,
    email: `${userId}@example.com`,
    firstName: 'Ada',
    lastName: 'Lovelace',
    role: 'client',
    status: changes.status ?? 'active',
    locale: 'en',
    timeZone: 'Europe/Berlin',
    profilePicture: null,
    twoFactorEnabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  sessionOpen: changes.sessionOpen ?? true,
});

/** A database read that answers when the test says so. */
function pendingRead(state: PrincipalState | null) {
  let answer: () => void = () => {};
  const read = new Promise<PrincipalState | null>((resolve) => {
    answer = () => resolve(state);
  });
  return { read: () => read, answer: () => answer() };
}

const newCache = (ttlMs = 30_000) => createPrincipalCache({ max: 100, ttlMs });

describe('principal cache', () => {
  it('reads a session once, then answers from memory', async () => {
    const cache = newCache();
    const load = vi.fn(() => Promise.resolve(active('u1')));
    await cache.get('s1', 'u1', load);
    expect(await cache.get('s1', 'u1', load)).toEqual(active('u1'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads again after the session or the user was dropped', async () => {
    const cache = newCache();
    const load = vi.fn(() => Promise.resolve(active('u1')));
    await cache.get('s1', 'u1', load);
    cache.dropSession('s1');
    await cache.get('s1', 'u1', load);
    cache.dropUser('u1');
    await cache.get('s1', 'u1', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('drops every session of a user, and only theirs', async () => {
    const cache = newCache();
    await cache.get('s1', 'u1', () => Promise.resolve(active('u1')));
    await cache.get('s2', 'u1', () => Promise.resolve(active('u1')));
    await cache.get('s3', 'u2', () => Promise.resolve(active('u2')));
    cache.dropUser('u1');
    expect(cache.size).toBe(1);
    const load = vi.fn(() => Promise.resolve(active('u2')));
    await cache.get('s3', 'u2', load);
    expect(load).not.toHaveBeenCalled();
  });

  it('does not keep a value read before an invalidation that arrived during the read', async () => {
    const cache = newCache();
    const before = pendingRead(active('u1'));
    const inFlight = cache.get('s1', 'u1', before.read);
    cache.dropUser('u1'); // e.g. user.suspended, committed while the read was under way
    before.answer();
    // The request that started first gets what it read; nothing is kept for the next one.
    expect(await inFlight).toEqual(active('u1'));
    const after = vi.fn(() => Promise.resolve(active('u1', { status: 'suspended' })));
    expect((await cache.get('s1', 'u1', after))?.account.status).toBe('suspended');
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('a session revoked during the read is not kept either; other sessions are unaffected', async () => {
    const cache = newCache();
    const revoked = pendingRead(active('u1'));
    const other = pendingRead(active('u1'));
    const first = cache.get('s1', 'u1', revoked.read);
    const second = cache.get('s2', 'u1', other.read);
    cache.dropSession('s1');
    revoked.answer();
    other.answer();
    await Promise.all([first, second]);
    expect(cache.size).toBe(1);
    const load = vi.fn(() => Promise.resolve(active('u1', { sessionOpen: false })));
    expect((await cache.get('s1', 'u1', load))?.sessionOpen).toBe(false);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('never keeps a refusal: suspended, ended or unknown is read again', async () => {
    const cache = newCache();
    const answers = [
      active('u1', { status: 'suspended' }),
      active('u1', { sessionOpen: false }),
      null,
      active('u1'),
    ];
    const load = vi.fn((): Promise<PrincipalState | null> => {
      const next = answers.shift();
      return Promise.resolve(next === undefined ? active('u1') : next);
    });
    for (let i = 0; i < 5; i += 1) await cache.get('s1', 'u1', load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('does not answer for another user presenting the same session id', async () => {
    const cache = newCache();
    await cache.get('s1', 'u1', () => Promise.resolve(active('u1')));
    const load = vi.fn(() => Promise.resolve(null));
    expect(await cache.get('s1', 'u2', load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads again once the TTL has passed', async () => {
    const cache = newCache(20);
    const load = vi.fn(() => Promise.resolve(active('u1')));
    await cache.get('s1', 'u1', load);
    await cache.get('s1', 'u1', load);
    expect(load).toHaveBeenCalledTimes(1);
    await delay(60);
    await cache.get('s1', 'u1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
