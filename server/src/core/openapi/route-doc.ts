import type { ErrorCode } from '@coachhub/shared/errors';
import { ref, type JsonSchema } from './json-schema.js';

/**
 * One route of the API as the OpenAPI document describes it. The tables in `paths/` are keyed
 * `METHOD /express/:path` exactly as the router lists them (`test/route-inventory.ts`), so a
 * route without an entry fails `openapi-document.test.ts`.
 */
export interface RouteDoc {
  tag: ApiTag;
  summary: string;
  description?: string;
  /**
   * `public`: no token is read. `optional`: anonymous callers are served, a token that is sent
   * must be valid. `bearer`: an access token is required. `cookie`: the refresh cookie.
   */
  auth: 'public' | 'optional' | 'bearer' | 'cookie';
  /** Who may call it beyond signing in (text for the reader; the authorization matrix tests it). */
  access?: string;
  /** Path parameters: name -> description (an id: 24 hex characters), or a description and a schema. */
  params?: Record<string, string | { description: string; schema: JsonSchema }>;
  query?: QueryParam[];
  /** A type in `components.schemas` whose properties are the query parameters. */
  querySchema?: string;
  headers?: QueryParam[];
  /** A JSON body (`schema`), or a multipart/form-data one. */
  body?: { schema: JsonSchema; required?: boolean; multipart?: JsonSchema };
  /** The answers that are not errors, by status. */
  responses: Partial<Record<number, ResponseDoc>>;
  /** The error codes the route can answer beyond those every route of its kind has. */
  errors?: Partial<Record<ErrorStatus, ErrorCode[]>>;
  /** Outside `/api` (health, uploads): no rate limit, no database errors by default. */
  outsideApi?: boolean;
  /** Static files mounted at a prefix: the router lists them as `GET <prefix>/x`. */
  staticMount?: boolean;
}

export interface QueryParam {
  name: string;
  schema: JsonSchema;
  description?: string;
  required?: boolean;
}

export interface ResponseDoc {
  description: string;
  /** JSON unless `contentType` says otherwise. */
  schema?: JsonSchema;
  contentType?: string | string[];
  headers?: Record<string, string>;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export const API_TAGS = {
  Health: 'Process and database health.',
  Auth: 'Registration, two-factor sign-in, refresh-token rotation, sign-out and the caller’s sessions.',
  Users: "The caller's own account.",
  Coaches: 'The coach directory, profiles, matching and becoming a coach.',
  Scheduling: 'Session types, availability and bookable slots.',
  Pricing: 'Price configurations, discounts, packages and quotes.',
  Bookings: 'Booking requests and their state changes.',
  Payments:
    'Paying for bookings online (provider webhooks, checkout returns), receipts, and session packages with their credits.',
  Conversations: 'Chat: conversations, messages, read marks and booking proposals.',
  Notifications: 'In-app notifications and e-mail preferences.',
  Reviews: 'Reviews of completed sessions, the coaches’ replies and the ratings they make.',
  Dashboard: "Figures for the signed-in person's own overview.",
  Reports: 'Reporting users, coach profiles, messages and reviews to the admins.',
  Admin: 'Moderation, coach verification and the audit log (admins only).',
  Contract: 'This document and its viewer.',
  Development: 'Helpers that exist only outside production.',
} as const;
export type ApiTag = keyof typeof API_TAGS;

export type RouteTable = Record<string, RouteDoc>;

/* Building blocks the tables share. */

export const ID_PATTERN = '^[0-9a-fA-F]{24}$';
export const idSchema: JsonSchema = { type: 'string', pattern: ID_PATTERN };
export const json = (name: string): JsonSchema => ref(name);
export const arrayOf = (schema: JsonSchema): JsonSchema => ({ type: 'array', items: schema });

export const pageQuery = (maxLimit = 100): QueryParam[] => [
  { name: 'page', schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: maxLimit, default: 20 } },
];

/** One image in the multipart field `file` (JPEG, PNG or WebP, at most UPLOAD_MAX_BYTES). */
export const imageUpload: JsonSchema = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
};

export const ok = (schema: JsonSchema, description = 'OK'): ResponseDoc => ({
  description,
  schema,
});
export const created = (schema: JsonSchema, description = 'Created'): ResponseDoc => ({
  description,
  schema,
});
export const noContent: ResponseDoc = { description: 'Done; no body' };
/** A public read the browser already holds: its `If-None-Match` names the current ETag. */
export const notModified: ResponseDoc = {
  description: 'Not modified: the ETag sent in If-None-Match still names the answer; no body',
};
