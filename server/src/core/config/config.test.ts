import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { parseDurationSeconds } from './env-reader.js';

const PROD_BASE = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db.internal:27017/coachhub?replicaSet=rs0',
  JWT_ACCESS_SECRET: 'x'.repeat(40),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives safe development defaults and says it generated a secret', () => {
    const { config, notices } = loadConfig({}, { randomSecret: () => 'generated-secret' });
    expect(config.nodeEnv).toBe('development');
    expect(config.port).toBe(5000);
    expect(config.mongodbUri).toBeNull();
    expect(config.embeddedDb).toBeNull();
    expect(config.jwtAccessSecret).toBe('generated-secret');
    expect(config.jwtAccessTtlSeconds).toBe(900);
    expect(config.refreshTokenTtlDays).toBe(30);
    expect(config.corsOrigins).toContain('http://localhost:5173');
    expect(config.seedDemoData).toBe(true);
    expect(config.logLevel).toBe('debug');
    expect(config.admin).toBeNull();
    expect(config.redisUrl).toBeNull();
    expect(config.clientDistDir).toMatch(/client[\\/]dist$/);
    expect(config.uploads).toEqual({
      cloudinary: null,
      dir: expect.stringMatching(/server[\\/]uploads$/),
      maxBytes: 5 * 1024 * 1024,
    });
    expect(notices.join()).toMatch(/JWT_ACCESS_SECRET/);
  });

  it('generates a different secret per process by default', () => {
    const first = loadConfig({}).config.jwtAccessSecret;
    const second = loadConfig({}).config.jwtAccessSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(first).not.toBe(second);
  });

  it('is quiet and does not seed in tests', () => {
    const { config } = loadConfig({ NODE_ENV: 'test' });
    expect(config.logLevel).toBe('silent');
    expect(config.seedDemoData).toBe(false);
  });

  it('accepts a complete production configuration', () => {
    const { config, notices } = loadConfig({
      ...PROD_BASE,
      PORT: '8080',
      JWT_ACCESS_TTL: '10m',
      CORS_ORIGINS: 'https://coachhub.example.com, https://admin.example.com/',
      REDIS_URL: 'redis://cache:6379',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '3',
      ADMIN_EMAIL: 'Root@Example.com',
      ADMIN_PASSWORD: 'a-long-admin-password',
      CLOUDINARY_URL: 'cloudinary://123456:s3cr%2Ft@coachhub-prod',
      UPLOAD_MAX_BYTES: '2097152',
      TWO_FACTOR_ENCRYPTION_KEY: 'k'.repeat(32),
    });
    expect(config.isProduction).toBe(true);
    expect(config.port).toBe(8080);
    expect(config.jwtAccessTtlSeconds).toBe(600);
    expect(config.corsOrigins).toEqual([
      'https://coachhub.example.com',
      'https://admin.example.com',
    ]);
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.rateLimits.loginPerAccount).toBe(3);
    expect(config.admin).toEqual({ email: 'root@example.com', password: 'a-long-admin-password' });
    expect(config.seedDemoData).toBe(false);
    expect(config.logLevel).toBe('http');
    expect(config.uploads.cloudinary).toEqual({
      cloudName: 'coachhub-prod',
      apiKey: '123456',
      apiSecret: 's3cr/t',
      uploadPrefix: null,
    });
    expect(config.uploads.maxBytes).toBe(2097152);
    expect(config.twoFactor).toEqual({ requiredForAdmins: true, encryptionKey: 'k'.repeat(32) });
    expect(notices).toEqual([]);
  });

  it('requires two-factor sign-in of admins in production only, unless REQUIRE_ADMIN_2FA says otherwise', () => {
    expect(loadConfig({}).config.twoFactor.requiredForAdmins).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).config.twoFactor.requiredForAdmins).toBe(false);
    expect(loadConfig(PROD_BASE).config.twoFactor.requiredForAdmins).toBe(true);
    expect(
      loadConfig({ ...PROD_BASE, REQUIRE_ADMIN_2FA: 'false' }).config.twoFactor.requiredForAdmins,
    ).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'test', REQUIRE_ADMIN_2FA: 'true' }).config.twoFactor
        .requiredForAdmins,
    ).toBe(true);
  });

  it('encrypts TOTP secrets with TWO_FACTOR_ENCRYPTION_KEY, else with the JWT secret (a notice in production)', () => {
    const derived = loadConfig(PROD_BASE);
    expect(derived.config.twoFactor.encryptionKey).toBe(PROD_BASE.JWT_ACCESS_SECRET);
    expect(derived.notices.join()).toMatch(/TWO_FACTOR_ENCRYPTION_KEY is not set/);
    const development = loadConfig({}, { randomSecret: () => 'generated-secret' });
    expect(development.config.twoFactor.encryptionKey).toBe('generated-secret');
    expect(development.notices.join()).not.toMatch(/TWO_FACTOR_ENCRYPTION_KEY/);
  });

  it('warns in production when uploads stay on the local disk', () => {
    const { notices } = loadConfig(PROD_BASE);
    expect(notices.join()).toMatch(/CLOUDINARY_URL is not set/);
  });

  it('reads UPLOADS_DIR and the upload_prefix of CLOUDINARY_URL', () => {
    const { config } = loadConfig({
      UPLOADS_DIR: '/var/lib/coachhub/uploads',
      CLOUDINARY_URL: 'cloudinary://key:secret@demo?upload_prefix=http://127.0.0.1:4010',
    });
    expect(config.uploads.dir).toBe('/var/lib/coachhub/uploads');
    expect(config.uploads.cloudinary?.uploadPrefix).toBe('http://127.0.0.1:4010');
  });

  it('names every missing required production variable at once', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.some((p) => p.startsWith('MONGODB_URI'))).toBe(true);
    expect(problems.some((p) => p.startsWith('JWT_ACCESS_SECRET'))).toBe(true);
  });

  it('allows the embedded database in production only when asked for explicitly', () => {
    const { config } = loadConfig({
      NODE_ENV: 'production',
      EMBEDDED_DB: 'memory-mongo',
      JWT_ACCESS_SECRET: 'y'.repeat(32),
    });
    expect(config.mongodbUri).toBeNull();
    expect(config.embeddedDb).toBe('memory-mongo');
  });

  it('rejects a short production secret', () => {
    expect(problemsOf({ ...PROD_BASE, JWT_ACCESS_SECRET: 'short' })).toEqual([
      expect.stringMatching(/^JWT_ACCESS_SECRET: must be at least 32/),
    ]);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MONGODB_URI', 'postgres://db/coachhub'],
    ['MONGODB_URI', 'mongodb://'],
    ['EMBEDDED_DB', 'sqlite'],
    ['JWT_ACCESS_TTL', 'forever'],
    ['REFRESH_TOKEN_TTL_DAYS', '0'],
    ['CORS_ORIGINS', 'https://ok.example.com,not a url'],
    ['CORS_ORIGINS', 'https://example.com/path'],
    ['SEED_DEMO_DATA', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['REDIS_URL', 'http://cache:6379'],
    ['RATE_LIMIT_LOGIN_PER_IP', '-1'],
    ['RATE_LIMIT_WINDOW_SECONDS', '0'],
    ['JSON_BODY_LIMIT', 'lots'],
    ['CLOUDINARY_URL', 'https://key:secret@api.cloudinary.com'],
    ['CLOUDINARY_URL', 'cloudinary://key-without-secret@demo'],
    ['CLOUDINARY_URL', 'cloudinary://key:secret@demo?upload_prefix=ftp://x'],
    ['UPLOAD_MAX_BYTES', '5mb'],
    ['UPLOAD_MAX_BYTES', '100'],
    ['UPLOAD_MAX_BYTES', '1073741824'],
    ['MEETING_BASE_URL', 'ftp://meet.example.com/'],
    ['MEETING_BASE_URL', 'meet.example.com/room-'],
    ['MEETING_BASE_URL', 'https://meet.example.com/?room='],
    ['MEETING_BASE_URL', 'https://meet.example.com/#'],
    ['MAX_PENDING_REQUESTS_PER_COACH', '0'],
    ['MAX_PENDING_REQUESTS_TOTAL', 'many'],
    ['REQUIRE_ADMIN_2FA', 'sometimes'],
    ['TWO_FACTOR_ENCRYPTION_KEY', 'too-short'],
  ])('rejects a malformed %s (%s) in any environment', (name, value) => {
    for (const nodeEnv of ['development', 'production']) {
      const problems = problemsOf({ ...PROD_BASE, NODE_ENV: nodeEnv, [name]: value });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name}:`));
    }
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together and a long enough password', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.co' })[0]).toMatch(/^ADMIN_EMAIL/);
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'short' })[0]).toMatch(
      /^ADMIN_PASSWORD/,
    );
  });

  it('lets SEED_DEMO_DATA override the default either way', () => {
    expect(loadConfig({ SEED_DEMO_DATA: 'false' }).config.seedDemoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', SEED_DEMO_DATA: 'true' }).config.seedDemoData).toBe(true);
  });

  it('treats blank values as unset', () => {
    const { config } = loadConfig({ PORT: '', MONGODB_URI: '  ', EMBEDDED_DB: 'auto' });
    expect(config.port).toBe(5000);
    expect(config.mongodbUri).toBeNull();
    expect(config.embeddedDb).toBeNull();
  });

  it('reads MEETING_BASE_URL, defaulting to a Jitsi prefix, and wants https in production', () => {
    expect(loadConfig({}).config.meetingBaseUrl).toBe('https://meet.jit.si/coachhub-');
    expect(
      loadConfig({ MEETING_BASE_URL: 'http://localhost:8443/room-' }).config.meetingBaseUrl,
    ).toBe('http://localhost:8443/room-');
    expect(
      loadConfig({ ...PROD_BASE, MEETING_BASE_URL: 'https://video.example.com/r/' }).config
        .meetingBaseUrl,
    ).toBe('https://video.example.com/r/');
    expect(problemsOf({ ...PROD_BASE, MEETING_BASE_URL: 'http://video.example.com/r/' })).toEqual([
      expect.stringMatching(/^MEETING_BASE_URL: must be a URL starting with https:\/\//),
    ]);
  });

  it('reads the pending-request limits, 3 per coach and 10 in total by default', () => {
    expect(loadConfig({}).config.pendingRequestLimits).toEqual({ perCoach: 3, total: 10 });
    expect(
      loadConfig({ MAX_PENDING_REQUESTS_PER_COACH: '5', MAX_PENDING_REQUESTS_TOTAL: '20' }).config
        .pendingRequestLimits,
    ).toEqual({ perCoach: 5, total: 20 });
  });

  it('runs the manual provider without Stripe keys, and a 15-minute payment hold by default', () => {
    expect(loadConfig({}).config.payments).toEqual({ stripe: null, holdMinutes: 15 });
    expect(loadConfig({ PAYMENT_HOLD_MINUTES: '30' }).config.payments.holdMinutes).toBe(30);
    expect(problemsOf({ PAYMENT_HOLD_MINUTES: '0' }).join()).toMatch(/PAYMENT_HOLD_MINUTES/);
  });

  it('runs Stripe with both keys, and refuses one without the other or keys of the wrong kind', () => {
    const stripe = {
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
    };
    expect(loadConfig(stripe).config.payments.stripe).toEqual({
      secretKey: 'sk_test_123',
      webhookSecret: 'whsec_abc',
      apiBaseUrl: null,
    });
    expect(
      loadConfig({ ...stripe, STRIPE_API_BASE_URL: 'http://127.0.0.1:12111' }).config.payments
        .stripe?.apiBaseUrl?.port,
    ).toBe('12111');
    expect(problemsOf({ STRIPE_SECRET_KEY: 'sk_test_123' }).join()).toMatch(
      /STRIPE_WEBHOOK_SECRET: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together/,
    );
    expect(problemsOf({ STRIPE_WEBHOOK_SECRET: 'whsec_abc' }).join()).toMatch(
      /STRIPE_SECRET_KEY: .*must be set together/,
    );
    expect(problemsOf({ ...stripe, STRIPE_SECRET_KEY: 'pk_test_123' }).join()).toMatch(
      /STRIPE_SECRET_KEY: must be a Stripe secret/,
    );
    expect(problemsOf({ ...stripe, STRIPE_WEBHOOK_SECRET: 'abc' }).join()).toMatch(
      /STRIPE_WEBHOOK_SECRET: must be a webhook signing secret/,
    );
    expect(problemsOf({ STRIPE_API_BASE_URL: 'http://127.0.0.1:1' }).join()).toMatch(
      /STRIPE_API_BASE_URL/,
    );
  });

  it('reads rate limits, where 0 switches a limiter off', () => {
    const { config } = loadConfig({ RATE_LIMIT_API_PER_MINUTE: '0', RATE_LIMIT_LOGIN_PER_IP: '7' });
    expect(config.rateLimits.apiPerMinute).toBe(0);
    expect(config.rateLimits.loginPerIp).toBe(7);
    expect(config.rateLimits.windowSeconds).toBe(900);
  });
});

describe('parseDurationSeconds', () => {
  it.each([
    ['15m', 900],
    ['900', 900],
    ['30s', 30],
    ['1h', 3600],
    ['2d', 172800],
    ['1.5h', null],
    ['m', null],
  ])('%s -> %s', (input, expected) => {
    expect(parseDurationSeconds(input)).toBe(expected);
  });
});
