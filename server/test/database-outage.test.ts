import { createServer as createTcpServer, connect, type Server, type Socket } from 'node:net';
import type { ApiErrorBody } from '@coachhub/shared/errors';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, createUser, sessionFor, type SignedIn } from './fixtures.js';
import { startTestServer, withDatabaseName, type TestServer } from './test-server.js';

type DatabaseAddress = { path: string } | { host: string; port: number };

/**
 * The run's database server: the embedded engine's URI names its Unix socket (a percent-encoded
 * path ending in .sock, as mongod's), an external one host:port.
 */
function firstHostOf(uri: string): DatabaseAddress {
  const first = /^mongodb:\/\/(?:[^@/]*@)?([^/,?]+)/.exec(uri)?.[1] ?? '';
  if (first.endsWith('.sock')) return { path: decodeURIComponent(first) };
  const url = new URL(uri);
  return { host: url.hostname, port: Number(url.port || 27017) };
}

/**
 * A TCP proxy in front of the run's database: `cut()` drops every connection and refuses new
 * ones (the database is unreachable), `restore()` lets them through again.
 */
async function startDatabaseProxy(target: DatabaseAddress) {
  const sockets = new Set<Socket>();
  let reachable = true;
  const proxy: Server = createTcpServer((client) => {
    if (!reachable) {
      client.destroy();
      return;
    }
    const upstream = connect(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (typeof address !== 'object' || address === null) throw new Error('The proxy has no port');
  return {
    port: address.port,
    cut() {
      reachable = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      reachable = true;
    },
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

let proxy: Awaited<ReturnType<typeof startDatabaseProxy>>;
let t: TestServer;
let client: SignedIn;

beforeAll(async () => {
  proxy = await startDatabaseProxy(firstHostOf(inject('mongoUri')));
  // One host, reached directly: the replica set's own host list would lead around the proxy.
  const uri = withDatabaseName(
    `mongodb://127.0.0.1:${proxy.port}/?directConnection=true`,
    `t_database_outage_${Date.now()}`,
  );
  t = await startTestServer(import.meta.filename, { MONGODB_URI: uri });
  client = await createUser().then(sessionFor);
});
afterAll(async () => {
  proxy.restore();
  await t.close();
  await proxy.close();
});

async function timed<T>(send: () => PromiseLike<T>) {
  const started = Date.now();
  const res = await send();
  return { res, ms: Date.now() - started };
}

describe('the database unreachable', () => {
  it('answers API routes 503 DATABASE_UNAVAILABLE with Retry-After within 2 s, then 200 again', async () => {
    const readBookings = () => t.http.get('/api/bookings').set(bearer(client.accessToken));
    expect((await readBookings()).status).toBe(200);

    proxy.cut();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { res, ms } = await timed(readBookings);
      expect(res.status).toBe(503);
      expect((res.body as ApiErrorBody).error.code).toBe('DATABASE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('1');
      expect(ms).toBeLessThan(2000);
    }
    // Routes that need no account read the database too.
    expect((await t.http.get('/api/coaches')).status).toBe(503);
    expect((await t.http.get('/ready')).status).toBe(503);
    expect((await t.http.get('/health')).status).toBe(200);

    proxy.restore();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await readBookings()).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    expect((await t.http.get('/ready')).status).toBe(200);
  });
});
