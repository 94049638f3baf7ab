import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache.js';

function counting<T>(value: T) {
  let calls = 0;
  return {
    load: () => {
      calls += 1;
      return Promise.resolve(value);
    },
    calls: () => calls,
  };
}

describe('read cache', () => {
  it('keeps a read until a clear, apart per namespace and key', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    const slots = cache.kept<string>('slots');
    const lists = cache.kept<string>('lists');
    const read = counting('a');
    expect(await slots.read('coach 1', read.load)).toBe('a');
    expect(await slots.read('coach 1', read.load)).toBe('a');
    expect(read.calls()).toBe(1);
    expect(await lists.read('coach 1', () => Promise.resolve('b'))).toBe('b');
    expect(await slots.read('coach 2', () => Promise.resolve('c'))).toBe('c');

    cache.clear();
    expect(await slots.read('coach 1', () => Promise.resolve('after'))).toBe('after');
  });

  it('shares one load among the callers of a burst', async () => {
    const kept = createReadCache({ ttlMs: 60_000 }).kept<number>('n');
    const read = counting(7);
    expect(await Promise.all([kept.read('k', read.load), kept.read('k', read.load)])).toEqual([
      7, 7,
    ]);
    expect(read.calls()).toBe(1);
  });

  it('does not keep what was read before a clear that came while it loaded', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    const kept = cache.kept<string>('n');
    let finish: (value: string) => void = () => {};
    const slow = kept.read('k', () => new Promise<string>((resolve) => (finish = resolve)));
    cache.clear();
    finish('before the change');
    expect(await slow).toBe('before the change');
    expect(await kept.read('k', () => Promise.resolve('after the change'))).toBe(
      'after the change',
    );
  });

  it('does not keep a failed read', async () => {
    const kept = createReadCache({ ttlMs: 60_000 }).kept<string>('n');
    await expect(kept.read('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await kept.read('k', () => Promise.resolve('up'))).toBe('up');
  });

  it('answers nothing from memory while the database is down, and forgets what it kept', async () => {
    let up = true;
    const kept = createReadCache({ ttlMs: 60_000, isDatabaseUp: () => up }).kept<string>('n');
    await kept.read('k', () => Promise.resolve('kept'));
    up = false;
    await expect(kept.read('k', () => Promise.reject(new Error('unreachable')))).rejects.toThrow(
      'unreachable',
    );
    up = true;
    expect(await kept.read('k', () => Promise.resolve('read again'))).toBe('read again');
  });

  it('reads through every time with a TTL of 0', async () => {
    const kept = createReadCache({ ttlMs: 0 }).kept<string>('n');
    const read = counting('a');
    await kept.read('k', read.load);
    await kept.read('k', read.load);
    expect(read.calls()).toBe(2);
  });

  it('answers a confirmed read from memory only after the database answered a ping for it', async () => {
    let reachable = true;
    let pings = 0;
    const cache = createReadCache({
      ttlMs: 60_000,
      pingDatabase: () => {
        pings += 1;
        return reachable ? Promise.resolve() : Promise.reject(new Error('unreachable'));
      },
    });
    const lists = cache.kept<string>('lists', { confirmed: true });
    const read = counting('page');
    expect(await lists.read('k', read.load)).toBe('page');
    expect(pings).toBe(0);
    expect(await lists.read('k', read.load)).toBe('page');
    expect([read.calls(), pings]).toEqual([1, 1]);

    reachable = false;
    await expect(lists.read('k', read.load)).rejects.toThrow('unreachable');
    // What was kept is gone: once the database answers again, the read goes to it.
    reachable = true;
    expect(await lists.read('k', () => Promise.resolve('read again'))).toBe('read again');
  });

  it('never answers a confirmed read from memory without a way to ping', async () => {
    const lists = createReadCache({ ttlMs: 60_000 }).kept<string>('lists', { confirmed: true });
    const read = counting('page');
    await lists.read('k', read.load);
    await lists.read('k', read.load);
    expect(read.calls()).toBe(2);
  });
});
