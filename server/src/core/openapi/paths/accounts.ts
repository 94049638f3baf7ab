import { ref } from '../json-schema.js';
import { created, imageUpload, json, noContent, ok, type RouteTable } from '../route-doc.js';

const refreshCookie = {
  'Set-Cookie':
    'The rotated refresh token: `coachhub_refresh`, httpOnly, SameSite=Strict, Path=/api/auth',
};

/** Health, auth and the caller's own account. */
export const ACCOUNT_ROUTES: RouteTable = {
  'GET /health': {
    tag: 'Health',
    summary: 'The process is up',
    auth: 'public',
    outsideApi: true,
    responses: { 200: ok(json('HealthResponse')) },
  },
  'GET /ready': {
    tag: 'Health',
    summary: 'The process can serve: the database answers and no shutdown has begun',
    auth: 'public',
    outsideApi: true,
    responses: {
      200: ok(json('ReadinessResponse'), 'Ready'),
      503: {
        description: 'Not ready (database down or draining)',
        schema: json('ReadinessResponse'),
      },
    },
  },
  'GET /uploads/{path}': {
    tag: 'Health',
    summary: 'A stored picture (local storage driver)',
    description: 'Served with a one-year immutable cache and `X-Content-Type-Options: nosniff`.',
    auth: 'public',
    outsideApi: true,
    staticMount: true,
    params: {
      path: {
        description: 'What the upload answered after `/uploads/`',
        schema: { type: 'string' },
      },
    },
    responses: { 200: { description: 'The image', contentType: 'image/*' } },
    errors: { 404: ['ROUTE_NOT_FOUND'] },
  },
  'POST /api/auth/register': {
    tag: 'Auth',
    summary: 'Create a client account and sign in',
    description: 'Always role `client`; a `role` in the body is ignored.',
    auth: 'public',
    body: { schema: json('RegisterRequest') },
    responses: { 201: { ...created(json('AuthResponse')), headers: refreshCookie } },
    errors: { 400: ['WEAK_PASSWORD'], 409: ['EMAIL_TAKEN'] },
  },
  'POST /api/auth/login': {
    tag: 'Auth',
    summary: 'Sign in with e-mail and password',
    description: 'Throttled per address and per account and address (failures only).',
    auth: 'public',
    body: { schema: json('LoginRequest') },
    responses: { 200: { ...ok(json('AuthResponse')), headers: refreshCookie } },
    errors: { 401: ['INVALID_CREDENTIALS'], 403: ['ACCOUNT_SUSPENDED'] },
  },
  'POST /api/auth/refresh': {
    tag: 'Auth',
    summary: 'Rotate the refresh cookie and get a new access token',
    description: 'A token that was already used ends its whole session family.',
    auth: 'cookie',
    responses: { 200: { ...ok(json('RefreshResponse')), headers: refreshCookie } },
    errors: {
      401: ['UNAUTHENTICATED', 'REFRESH_TOKEN_INVALID', 'REFRESH_TOKEN_REUSED'],
      403: ['ACCOUNT_SUSPENDED'],
    },
  },
  'POST /api/auth/logout': {
    tag: 'Auth',
    summary: 'End the session of the refresh cookie',
    auth: 'cookie',
    responses: { 204: noContent },
  },
  'GET /api/users/me': {
    tag: 'Users',
    summary: 'The caller’s account',
    auth: 'bearer',
    responses: { 200: ok(json('UserDTO')) },
    errors: { 404: ['NOT_FOUND'] },
  },
  'PATCH /api/users/me': {
    tag: 'Users',
    summary: 'Change names, locale or time zone',
    description: 'Not e-mail, role or status.',
    auth: 'bearer',
    body: { schema: json('UpdateMeRequest') },
    responses: { 200: ok(json('UserDTO')) },
    errors: { 404: ['NOT_FOUND'] },
  },
  'POST /api/users/me/profile-picture': {
    tag: 'Users',
    summary: 'Replace the profile picture',
    auth: 'bearer',
    body: { schema: imageUpload, multipart: imageUpload },
    responses: { 200: ok(json('ProfilePictureResponse')) },
    errors: { 404: ['NOT_FOUND'], 413: ['PAYLOAD_TOO_LARGE'], 415: ['UNSUPPORTED_MEDIA_TYPE'] },
  },
  'POST /api/users/me/password': {
    tag: 'Users',
    summary: 'Change the password',
    description: 'Ends every session, then starts a fresh one for this client (new cookie).',
    auth: 'bearer',
    body: { schema: json('ChangePasswordRequest') },
    responses: { 200: { ...ok(json('RefreshResponse')), headers: refreshCookie } },
    errors: { 400: ['WRONG_PASSWORD', 'WEAK_PASSWORD'], 404: ['NOT_FOUND'] },
  },
  'POST /api/users/me/become-coach': {
    tag: 'Coaches',
    summary: 'Become a coach (pending review)',
    auth: 'bearer',
    access: 'clients; admins get 403, a coach 409',
    body: { schema: json('BecomeCoachRequest'), required: false },
    responses: { 201: created(json('BecomeCoachResponse')) },
    errors: { 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 409: ['CONFLICT'] },
  },
  'GET /api/users/me/notification-preferences': {
    tag: 'Notifications',
    summary: 'Which notification types also send an e-mail',
    auth: 'bearer',
    responses: { 200: ok(json('NotificationPreferencesDTO')) },
  },
  'PUT /api/users/me/notification-preferences': {
    tag: 'Notifications',
    summary: 'Switch e-mails per notification type',
    auth: 'bearer',
    body: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          email: {
            type: 'object',
            propertyNames: ref('NotificationType'),
            additionalProperties: { type: 'boolean' },
          },
        },
      },
    },
    responses: { 200: ok(json('NotificationPreferencesDTO')) },
  },
};
