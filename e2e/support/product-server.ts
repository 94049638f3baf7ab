import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MemoryMongo } from '@coachhub/memory-mongo';
import { MODERATOR } from './moderator.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

/** The product as it is deployed, running for the journeys. */
export interface ProductServer {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function waitUntilReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not ready within ${STARTUP_TIMEOUT_MS} ms`);
}

/**
 * Runs `node server/dist/index.js` in production mode, serving the built SPA, on a database of
 * its own with the demo data seeded. `extraEnv` adds configuration, e.g. a payment provider.
 * `npm run test:e2e` builds first.
 */
export async function startProductServer(
  extraEnv: Record<string, string> = {},
): Promise<ProductServer> {
  const database = await MemoryMongo.start();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['server/dist/index.js'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      MONGODB_URI: database.uri.replace('/?', '/coachhub_e2e?'),
      JWT_ACCESS_SECRET: 'e2e-access-secret-that-is-long-enough-0123456789',
      CORS_ORIGINS: baseUrl,
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      // Production requires admins to have two-factor sign-in; journeys sign the demo admin in
      // with the password alone. The moderation journey turns it on for an admin of its own.
      REQUIRE_ADMIN_2FA: 'false',
      ADMIN_EMAIL: MODERATOR.email,
      ADMIN_PASSWORD: MODERATOR.password,
      // Journeys log in and out many times from one address.
      RATE_LIMIT_LOGIN_PER_IP: '0',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '0',
      RATE_LIMIT_REGISTER_PER_IP: '0',
      RATE_LIMIT_API_PER_MINUTE: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitUntilReady(baseUrl, child);
  } catch (error) {
    child.kill('SIGKILL');
    await database.stop();
    throw error;
  }
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
      await database.stop();
    },
  };
}
