import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASSWORD_MIN_LENGTH } from '@coachhub/shared/auth';
import { parseCloudinaryUrl, type CloudinarySettings } from './cloudinary-url.js';
import { EnvReader, type RawEnv } from './env-reader.js';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const EMBEDDED_DB_KINDS = ['memory-mongo', 'mongodb-memory-server'] as const;
export type EmbeddedDbKind = (typeof EMBEDDED_DB_KINDS)[number];

export const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'debug', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every limit counts requests per client key inside its window; 0 switches that limiter off. */
export interface RateLimitConfig {
  windowSeconds: number;
  loginPerIp: number;
  loginPerAccount: number;
  registerPerIp: number;
  refreshPerIp: number;
  apiPerMinute: number;
}

/** Where uploaded images go (see modules/uploads). */
export interface UploadsConfig {
  /** Set: the Cloudinary driver stores images. null: the local disk driver does. */
  cloudinary: CloudinarySettings | null;
  /** The local driver's folder, served under /uploads; the demo seed writes here too. */
  dir: string;
  /** Largest accepted upload in bytes. */
  maxBytes: number;
}

export interface Config {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  port: number;
  /** null: the embedded database is started (see core/db). */
  mongodbUri: string | null;
  /** null: pick the embedded engine automatically. */
  embeddedDb: EmbeddedDbKind | null;
  embeddedDbDownloadTimeoutSeconds: number;
  jwtAccessSecret: string;
  jwtAccessTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** How long a signed-in session's role and status may be reused without an event dropping them. */
  principalCacheTtlSeconds: number;
  /**
   * How long an anonymous public read (directory, profile, session types, reviews) is answered
   * from memory when no change dropped it first; 0 turns that cache off.
   */
  publicReadCacheSeconds: number;
  corsOrigins: string[];
  clientDistDir: string;
  seedDemoData: boolean;
  admin: { email: string; password: string } | null;
  logLevel: LogLevel;
  redisUrl: string | null;
  trustProxy: number;
  jsonBodyLimit: string;
  shutdownTimeoutSeconds: number;
  /**
   * On SIGTERM the server stops listening at once and keeps answering on open connections this
   * long, each answer with `Connection: close` (and `/ready` 503), before it closes them.
   */
  shutdownDrainMs: number;
  rateLimits: RateLimitConfig;
  uploads: UploadsConfig;
  /** Prefix of every booking's video room: an unguessable id is appended on confirmation. */
  meetingBaseUrl: string;
  /** Most requests awaiting a coach's approval one client may hold, with one coach and in total. */
  pendingRequestLimits: { perCoach: number; total: number };
  mail: MailConfig;
  /** Minutes before a confirmed session that its reminders go out, e.g. [1440, 60]. */
  reminderLeadMinutes: number[];
  /** How often the job scheduler looks for due jobs. */
  jobsProcessEveryMs: number;
  twoFactor: TwoFactorConfig;
  payments: PaymentsConfig;
}

/** How bookings are paid (modules/payments). */
export interface PaymentsConfig {
  /** Set: Stripe collects online (Checkout). null: the manual provider, pay at the session. */
  stripe: StripeSettings | null;
  /** How long a booking awaiting payment holds its slot (PAYMENT_HOLD_MINUTES). */
  holdMinutes: number;
}

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Another API origin than Stripe's (STRIPE_API_BASE_URL: stripe-mock, the tests' fake); null: Stripe's. */
  apiBaseUrl: URL | null;
}

/** Two-factor sign-in (modules/auth). */
export interface TwoFactorConfig {
  /** Admins without two-factor sign-in may only set it up (REQUIRE_ADMIN_2FA). */
  requiredForAdmins: boolean;
  /**
   * Key material for the AES-256-GCM key that encrypts TOTP secrets at rest (HKDF-derived):
   * TWO_FACTOR_ENCRYPTION_KEY, or the JWT secret when that is unset.
   */
  encryptionKey: string;
}

/** Outgoing e-mail (modules/email). */
export interface MailConfig {
  /** Set: mails go out through this SMTP server. null: they are kept in the outbox (dev page). */
  smtpUrl: string | null;
  /** The From header, e.g. `CoachHub <no-reply@example.com>`. */
  from: string;
  /** The app's address as people open it, for links in mails. */
  publicUrl: string;
}

export interface LoadedConfig {
  config: Config;
  /** Things worth one log line at boot (e.g. a generated development secret). */
  notices: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Source of the per-process development secret; injectable so tests stay deterministic. */
  randomSecret?: () => string;
  /** Where the built SPA lives when CLIENT_DIST_DIR is unset. */
  defaultClientDistDir?: string;
}

const DEV_CORS_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];
const PRODUCTION_SECRET_MIN_LENGTH = 32;
// src/core/config/ and dist/core/config/ sit at the same depth, so this holds for both builds.
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Reads and validates every variable the server uses. Throws ConfigError listing all problems. */
export function loadConfig(env: RawEnv, options: LoadConfigOptions = {}): LoadedConfig {
  const read = new EnvReader(env);
  const notices: string[] = [];
  const nodeEnv = read.oneOf('NODE_ENV', NODE_ENVS) ?? 'development';
  const isProduction = nodeEnv === 'production';

  const mongodbUri = read.url('MONGODB_URI', ['mongodb:', 'mongodb+srv:']) ?? null;
  const embeddedDb = readEmbeddedDb(read);
  if (isProduction && !mongodbUri && !embeddedDb && !read.raw('MONGODB_URI')) {
    read.problem('MONGODB_URI', 'is required in production (or set EMBEDDED_DB explicitly)');
  }

  const jwtAccessSecret = readJwtSecret(read, isProduction, notices, options.randomSecret);
  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS) ?? defaultLogLevel(nodeEnv);
  const seedOverride = read.boolean('SEED_DEMO_DATA');

  const config: Config = {
    nodeEnv,
    isProduction,
    port: read.integer('PORT', 5000, 0, 65535),
    mongodbUri,
    embeddedDb,
    embeddedDbDownloadTimeoutSeconds: read.integer(
      'EMBEDDED_DB_DOWNLOAD_TIMEOUT_SECONDS',
      180,
      1,
      3600,
    ),
    jwtAccessSecret,
    jwtAccessTtlSeconds: read.duration('JWT_ACCESS_TTL', 15 * 60, 24 * 3600),
    refreshTokenTtlDays: read.integer('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    principalCacheTtlSeconds: read.integer('PRINCIPAL_CACHE_TTL_SECONDS', 30, 1, 3600),
    publicReadCacheSeconds: read.integer('PUBLIC_READ_CACHE_SECONDS', 10, 0, 300),
    corsOrigins: readCorsOrigins(read, isProduction),
    clientDistDir: path.resolve(
      read.raw('CLIENT_DIST_DIR') ??
        options.defaultClientDistDir ??
        path.join(REPO_ROOT, 'client', 'dist'),
    ),
    seedDemoData: seedOverride ?? (!mongodbUri && nodeEnv !== 'test'),
    admin: readAdmin(read),
    logLevel,
    redisUrl: read.url('REDIS_URL', ['redis:', 'rediss:']) ?? null,
    trustProxy: read.integer('TRUST_PROXY', 0, 0, 10),
    jsonBodyLimit: readBodyLimit(read),
    shutdownTimeoutSeconds: read.integer('SHUTDOWN_TIMEOUT_SECONDS', 10, 1, 300),
    // Tests start and stop servers all day; they ask for a drain where they measure one.
    shutdownDrainMs: read.integer('SHUTDOWN_DRAIN_MS', nodeEnv === 'test' ? 0 : 1000, 0, 60_000),
    rateLimits: readRateLimits(read),
    uploads: readUploads(read),
    meetingBaseUrl: readMeetingBaseUrl(read, isProduction),
    pendingRequestLimits: {
      perCoach: read.integer('MAX_PENDING_REQUESTS_PER_COACH', 3, 1, 100),
      total: read.integer('MAX_PENDING_REQUESTS_TOTAL', 10, 1, 1000),
    },
    mail: {
      smtpUrl: read.url('SMTP_URL', ['smtp:', 'smtps:']) ?? null,
      from: read.raw('MAIL_FROM') ?? 'CoachHub <no-reply@coachhub.local>',
      publicUrl: (read.url('PUBLIC_URL', ['https:', 'http:']) ?? '').replace(/\/+$/, ''),
    },
    reminderLeadMinutes: readReminderLeadMinutes(read),
    jobsProcessEveryMs: read.integer('JOBS_PROCESS_EVERY_MS', 5000, 50, 600_000),
    twoFactor: {
      requiredForAdmins: read.boolean('REQUIRE_ADMIN_2FA') ?? isProduction,
      encryptionKey: readTwoFactorKey(read, isProduction, jwtAccessSecret, notices),
    },
    payments: {
      stripe: readStripe(read),
      holdMinutes: read.integer('PAYMENT_HOLD_MINUTES', 15, 1, 24 * 60),
    },
  };
  if (!config.mail.publicUrl) config.mail.publicUrl = `http://localhost:${config.port}`;

  if (isProduction && !config.uploads.cloudinary) {
    notices.push(
      `CLOUDINARY_URL is not set: uploads are stored on this machine's disk (${config.uploads.dir}); several replicas do not share it`,
    );
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return { config, notices };
}

function readEmbeddedDb(read: EnvReader): EmbeddedDbKind | null {
  const value = read.raw('EMBEDDED_DB');
  if (value === undefined || value === 'auto') return null;
  return read.oneOf('EMBEDDED_DB', EMBEDDED_DB_KINDS) ?? null;
}

function readJwtSecret(
  read: EnvReader,
  isProduction: boolean,
  notices: string[],
  randomSecret: () => string = () => randomBytes(48).toString('base64url'),
): string {
  const secret = read.raw('JWT_ACCESS_SECRET');
  if (secret === undefined) {
    if (isProduction) {
      read.problem('JWT_ACCESS_SECRET', 'is required in production');
      return '';
    }
    notices.push(
      'JWT_ACCESS_SECRET is not set: generated a random secret for this process (sessions end on restart)',
    );
    return randomSecret();
  }
  if (isProduction && secret.length < PRODUCTION_SECRET_MIN_LENGTH) {
    read.problem(
      'JWT_ACCESS_SECRET',
      `must be at least ${PRODUCTION_SECRET_MIN_LENGTH} characters in production`,
    );
  }
  return secret;
}

/**
 * Its own key lets the JWT secret be rotated without making every stored TOTP secret unreadable;
 * without one the JWT secret is the material (a different HKDF label keeps the keys apart).
 */
function readTwoFactorKey(
  read: EnvReader,
  isProduction: boolean,
  jwtAccessSecret: string,
  notices: string[],
): string {
  const key = read.raw('TWO_FACTOR_ENCRYPTION_KEY');
  if (key === undefined) {
    if (isProduction) {
      notices.push(
        'TWO_FACTOR_ENCRYPTION_KEY is not set: TOTP secrets are encrypted with a key derived from JWT_ACCESS_SECRET (rotating it locks out two-factor users)',
      );
    }
    return jwtAccessSecret;
  }
  if (key.length < PRODUCTION_SECRET_MIN_LENGTH) {
    read.problem(
      'TWO_FACTOR_ENCRYPTION_KEY',
      `must be at least ${PRODUCTION_SECRET_MIN_LENGTH} characters`,
    );
  }
  return key;
}

/**
 * Stripe runs when both keys are set, the manual provider (pay at the session) when neither is:
 * one without the other is a configuration mistake, refused at boot rather than found at the
 * first payment.
 */
function readStripe(read: EnvReader): StripeSettings | null {
  const secretKey = read.raw('STRIPE_SECRET_KEY');
  const webhookSecret = read.raw('STRIPE_WEBHOOK_SECRET');
  const apiBase = read.url('STRIPE_API_BASE_URL', ['https:', 'http:']);
  if (secretKey === undefined && webhookSecret === undefined) {
    if (apiBase !== undefined) {
      read.problem('STRIPE_API_BASE_URL', 'needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
    }
    return null;
  }
  if (secretKey === undefined || webhookSecret === undefined) {
    read.problem(
      secretKey === undefined ? 'STRIPE_SECRET_KEY' : 'STRIPE_WEBHOOK_SECRET',
      'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together (neither: payment at the session)',
    );
    return null;
  }
  if (!/^(sk|rk)_(test|live)_\S+$/.test(secretKey)) {
    read.problem(
      'STRIPE_SECRET_KEY',
      'must be a Stripe secret or restricted key (sk_... or rk_...)',
    );
  }
  if (!/^whsec_\S+$/.test(webhookSecret)) {
    read.problem('STRIPE_WEBHOOK_SECRET', 'must be a webhook signing secret (whsec_...)');
  }
  return { secretKey, webhookSecret, apiBaseUrl: apiBase === undefined ? null : new URL(apiBase) };
}

const MAX_REMINDER_LEAD_MINUTES = 30 * 24 * 60;

function readReminderLeadMinutes(read: EnvReader): number[] {
  const value = read.raw('REMINDER_LEAD_MINUTES');
  if (value === undefined) return [24 * 60, 60];
  const leads = value.split(',').map((part) => Number(part.trim()));
  if (
    leads.length === 0 ||
    leads.some((lead) => !Number.isFinite(lead) || lead <= 0 || lead > MAX_REMINDER_LEAD_MINUTES)
  ) {
    read.problem(
      'REMINDER_LEAD_MINUTES',
      `must be a comma-separated list of minutes from 0 to ${MAX_REMINDER_LEAD_MINUTES}`,
    );
    return [24 * 60, 60];
  }
  return leads;
}

function readCorsOrigins(read: EnvReader, isProduction: boolean): string[] {
  const value = read.raw('CORS_ORIGINS');
  if (value === undefined) return isProduction ? [] : [...DEV_CORS_ORIGINS];
  const origins = value
    .split(',')
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (!isOrigin(origin)) {
      read.problem('CORS_ORIGINS', `"${origin}" is not an origin like https://app.example.com`);
    }
  }
  return origins;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

function readAdmin(read: EnvReader): Config['admin'] {
  const email = read.raw('ADMIN_EMAIL')?.toLowerCase();
  const password = read.raw('ADMIN_PASSWORD');
  if (email === undefined && password === undefined) return null;
  if (email === undefined || password === undefined) {
    read.problem('ADMIN_EMAIL', 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
    return null;
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    read.problem('ADMIN_EMAIL', `"${email}" is not an email address`);
  }
  if (password.length < PASSWORD_MIN_LENGTH) {
    read.problem('ADMIN_PASSWORD', `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  return { email, password };
}

function readBodyLimit(read: EnvReader): string {
  const value = read.raw('JSON_BODY_LIMIT') ?? '100kb';
  if (!/^\d+(b|kb|mb)$/i.test(value)) {
    read.problem('JSON_BODY_LIMIT', `must look like 100kb or 1mb (got "${value}")`);
    return '100kb';
  }
  return value.toLowerCase();
}

function readRateLimits(read: EnvReader): RateLimitConfig {
  const max = 1_000_000;
  return {
    windowSeconds: read.integer('RATE_LIMIT_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
    loginPerIp: read.integer('RATE_LIMIT_LOGIN_PER_IP', 20, 0, max),
    loginPerAccount: read.integer('RATE_LIMIT_LOGIN_PER_ACCOUNT', 5, 0, max),
    registerPerIp: read.integer('RATE_LIMIT_REGISTER_PER_IP', 10, 0, max),
    refreshPerIp: read.integer('RATE_LIMIT_REFRESH_PER_IP', 120, 0, max),
    apiPerMinute: read.integer('RATE_LIMIT_API_PER_MINUTE', 600, 0, max),
  };
}

const MIB = 1024 * 1024;

function readUploads(read: EnvReader): UploadsConfig {
  const cloudinaryUrl = read.raw('CLOUDINARY_URL');
  let cloudinary: CloudinarySettings | null = null;
  if (cloudinaryUrl !== undefined) {
    const parsed = parseCloudinaryUrl(cloudinaryUrl);
    if (typeof parsed === 'string') read.problem('CLOUDINARY_URL', parsed);
    else cloudinary = parsed;
  }
  return {
    cloudinary,
    dir: path.resolve(read.raw('UPLOADS_DIR') ?? path.join(REPO_ROOT, 'server', 'uploads')),
    maxBytes: read.integer('UPLOAD_MAX_BYTES', 5 * MIB, 1024, 50 * MIB),
  };
}

export const DEFAULT_MEETING_BASE_URL = 'https://meet.jit.si/coachhub-';

/**
 * A prefix such as `https://meet.jit.si/coachhub-` (the room id is appended as is), so no query
 * or fragment; https in production, where meeting links go to real people.
 */
function readMeetingBaseUrl(read: EnvReader, isProduction: boolean): string {
  const value = read.url('MEETING_BASE_URL', isProduction ? ['https:'] : ['https:', 'http:']);
  if (value === undefined) return DEFAULT_MEETING_BASE_URL;
  if (/[?#\s]/.test(value)) {
    read.problem('MEETING_BASE_URL', 'must be a plain URL prefix without ?, # or spaces');
    return DEFAULT_MEETING_BASE_URL;
  }
  return value;
}

function defaultLogLevel(nodeEnv: NodeEnv): LogLevel {
  if (nodeEnv === 'test') return 'silent';
  // 'http' keeps one line per request (with its request id) in production logs.
  return nodeEnv === 'production' ? 'http' : 'debug';
}
