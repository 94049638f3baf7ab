import { ref } from '../json-schema.js';
import {
  arrayOf,
  created,
  imageUpload,
  json,
  noContent,
  ok,
  type RouteTable,
} from '../route-doc.js';

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
    description:
      'Throttled per address and per account and address (failures only). For an account with ' +
      'two-factor sign-in on, the answer is `{ twoFactorRequired: true, challengeToken }` (no ' +
      'tokens, no cookie): finish with `POST /api/auth/login/two-factor` within 5 minutes.',
    auth: 'public',
    body: { schema: json('LoginRequest') },
    responses: {
      200: {
        ...ok(json('LoginResponse'), 'Signed in (with the cookie), or asked for a code'),
        headers: refreshCookie,
      },
    },
    errors: { 401: ['INVALID_CREDENTIALS'], 403: ['ACCOUNT_SUSPENDED'] },
  },
  'POST /api/auth/login/two-factor': {
    tag: 'Auth',
    summary: 'Finish signing in with a TOTP code or a recovery code',
    description:
      'A code works once (a TOTP code not again within its window; a recovery code never again). ' +
      'Wrong codes are throttled per account and per address.',
    auth: 'public',
    body: { schema: json('TwoFactorLoginRequest') },
    responses: { 200: { ...ok(json('AuthResponse')), headers: refreshCookie } },
    errors: {
      401: ['TWO_FACTOR_CHALLENGE_INVALID', 'INVALID_TWO_FACTOR_CODE'],
      403: ['ACCOUNT_SUSPENDED'],
    },
  },
  'GET /api/auth/two-factor': {
    tag: 'Auth',
    summary: 'Whether two-factor sign-in is on, and recovery codes left',
    auth: 'bearer',
    responses: { 200: ok(json('TwoFactorStatusDTO')) },
  },
  'POST /api/auth/two-factor/setup': {
    tag: 'Auth',
    summary: 'Start turning on two-factor sign-in: a new secret and its QR code',
    description:
      'Not active until confirmed with `POST /api/auth/two-factor/enable` (within an hour). ' +
      'Open to an admin who must set up two-factor sign-in first.',
    auth: 'bearer',
    responses: { 200: ok(json('TwoFactorSetupResponse')) },
    errors: { 404: ['NOT_FOUND'], 409: ['TWO_FACTOR_ALREADY_ENABLED'] },
  },
  'POST /api/auth/two-factor/enable': {
    tag: 'Auth',
    summary: 'Confirm the set-up with a code from the app; answers 10 recovery codes, once',
    description: 'Open to an admin who must set up two-factor sign-in first.',
    auth: 'bearer',
    body: { schema: json('TwoFactorCodeRequest') },
    responses: { 200: ok(json('RecoveryCodesResponse')) },
    errors: {
      400: ['INVALID_TWO_FACTOR_CODE'],
      409: ['TWO_FACTOR_ALREADY_ENABLED', 'TWO_FACTOR_SETUP_MISSING'],
    },
  },
  'POST /api/auth/two-factor/disable': {
    tag: 'Auth',
    summary: 'Turn two-factor sign-in off (with a TOTP or recovery code)',
    access: 'anyone for their own account; not admins while REQUIRE_ADMIN_2FA is on',
    auth: 'bearer',
    body: { schema: json('TwoFactorCodeRequest') },
    responses: { 204: noContent },
    errors: {
      400: ['INVALID_TWO_FACTOR_CODE'],
      403: ['TWO_FACTOR_MANDATORY'],
      409: ['TWO_FACTOR_NOT_ENABLED'],
    },
  },
  'POST /api/auth/two-factor/recovery-codes': {
    tag: 'Auth',
    summary: 'Replace the recovery codes (with a TOTP or recovery code)',
    auth: 'bearer',
    body: { schema: json('TwoFactorCodeRequest') },
    responses: { 200: ok(json('RecoveryCodesResponse')) },
    errors: { 400: ['INVALID_TWO_FACTOR_CODE'], 409: ['TWO_FACTOR_NOT_ENABLED'] },
  },
  'GET /api/auth/sessions': {
    tag: 'Auth',
    summary: 'The caller’s open sessions (signed-in devices), most recently used first',
    auth: 'bearer',
    responses: { 200: ok(arrayOf(json('SessionDTO'))) },
  },
  'DELETE /api/auth/sessions/{id}': {
    tag: 'Auth',
    summary: 'End one of the caller’s sessions (its sockets close at once)',
    access: 'the session’s owner; anyone else’s session is 404',
    auth: 'bearer',
    params: { id: 'Session id (24 hex characters)' },
    responses: { 204: noContent },
    errors: { 404: ['NOT_FOUND'] },
  },
  'POST /api/auth/sessions/revoke-others': {
    tag: 'Auth',
    summary: 'End every session of the caller but this one',
    auth: 'bearer',
    responses: { 200: ok(json('RevokeOtherSessionsResponse')) },
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
