import { json, ok, pageQuery, type RouteTable } from '../route-doc.js';

const admin = 'admins';

/** `/api/admin`, the development outbox, and this document. */
export const ADMIN_ROUTES: RouteTable = {
  'POST /api/admin/users/{id}/suspend': {
    tag: 'Admin',
    summary: 'Suspend an account (its sessions end at once)',
    description: 'The last active admin cannot be suspended.',
    auth: 'bearer',
    access: admin,
    params: { id: 'User id' },
    body: { schema: json('ModerationRequest') },
    responses: { 200: ok(json('UserDTO')) },
    errors: { 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 409: ['CONFLICT'] },
  },
  'POST /api/admin/users/{id}/reinstate': {
    tag: 'Admin',
    summary: 'Reinstate a suspended account',
    auth: 'bearer',
    access: admin,
    params: { id: 'User id' },
    body: { schema: json('ModerationRequest') },
    responses: { 200: ok(json('UserDTO')) },
    errors: { 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 409: ['CONFLICT'] },
  },
  'GET /api/admin/audit-log': {
    tag: 'Admin',
    summary: 'What admins did, newest first',
    auth: 'bearer',
    access: admin,
    query: pageQuery(),
    responses: { 200: ok(json('AuditLogPage')) },
    errors: { 403: ['FORBIDDEN'] },
  },
  'GET /api/admin/coaches/pending': {
    tag: 'Admin',
    summary: 'Coaches waiting for review',
    auth: 'bearer',
    access: admin,
    query: pageQuery(),
    responses: { 200: ok(json('PendingCoachPage')) },
    errors: { 403: ['FORBIDDEN'] },
  },
  'POST /api/admin/coaches/{userId}/approve': {
    tag: 'Admin',
    summary: 'Approve a coach (from pending or rejected)',
    auth: 'bearer',
    access: admin,
    params: { userId: 'The coach’s user id' },
    body: { schema: json('ApproveCoachRequest'), required: false },
    responses: { 200: ok(json('CoachDTO')) },
    errors: { 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 409: ['INVALID_TRANSITION', 'CONFLICT'] },
  },
  'POST /api/admin/coaches/{userId}/reject': {
    tag: 'Admin',
    summary: 'Reject a coach, or withdraw an approval; the coach sees the reason',
    auth: 'bearer',
    access: admin,
    params: { userId: 'The coach’s user id' },
    body: { schema: json('RejectCoachRequest') },
    responses: { 200: ok(json('CoachDTO')) },
    errors: { 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 409: ['INVALID_TRANSITION', 'CONFLICT'] },
  },
  'GET /api/dev/outbox': {
    tag: 'Development',
    summary: 'The newest mails the app would have sent',
    description: 'Exists only outside production and while no SMTP server is configured.',
    auth: 'public',
    responses: { 200: ok(json('OutboxMailList')) },
  },
  'GET /api/openapi.json': {
    tag: 'Contract',
    summary: 'This document (OpenAPI 3.1)',
    auth: 'public',
    responses: { 200: { description: 'The document', schema: { type: 'object' } } },
  },
  'GET /api/docs': {
    tag: 'Contract',
    summary: 'This document, rendered (Swagger UI)',
    auth: 'public',
    responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
  },
  'GET /api/docs/{asset}': {
    tag: 'Contract',
    summary: 'The viewer’s script and styles',
    auth: 'public',
    params: { asset: { description: 'One of the viewer’s files', schema: { type: 'string' } } },
    responses: {
      200: {
        description: 'A script or a style sheet',
        contentType: ['text/javascript', 'text/css'],
      },
    },
    errors: { 404: ['ROUTE_NOT_FOUND'] },
  },
};
