import { MESSAGE_DELETE_SCOPES, MESSAGE_LIMITS } from '@coachhub/shared/conversation';
import { body, param } from 'express-validator';
import { paginationQuery } from '../../core/pagination.js';
import { idField, instantField, isOneOf, trimmedText } from '../../core/validation-fields.js';
import { nestedBody, queryValue } from '../../core/validation.js';

const OPEN_FIELDS = ['participantId', 'bookingId', 'support'] as const;

/**
 * `POST /api/conversations` `{ participantId }` | `{ bookingId }` | `{ support: true }`. The rule
 * on the whole body runs after the unknown-key check of the fields (see `nestedBody`).
 */
export const openConversationBody = () =>
  nestedBody(
    [
      idField('participantId', 'Must be a user id').optional(),
      idField('bookingId', 'Must be a booking id').optional(),
      body('support')
        .optional()
        .custom((value) => value === true)
        .withMessage('Must be true'),
    ],
    [
      body()
        .custom(
          (value: Record<string, unknown>) =>
            OPEN_FIELDS.filter((field) => value?.[field] !== undefined).length === 1,
        )
        .withMessage('Give exactly one of participantId, bookingId or support'),
    ],
  );

export const conversationIdParam = () =>
  param('id').isMongoId().withMessage('Must be a conversation id');

export const messageIdParam = () => param('id').isMongoId().withMessage('Must be a message id');

export const messageBodyField = () => trimmedText(body('body'), 1, MESSAGE_LIMITS.bodyMax);

export const listConversationsQuery = () => paginationQuery();

/** `?before=<messageId>` or `?after=<messageId>`, and `&limit=` (1-100, 50 by default). */
export const historyQuery = () => [
  queryValue('before').isMongoId().withMessage('Must be a message id'),
  queryValue('after')
    .isMongoId()
    .withMessage('Must be a message id')
    .bail()
    .custom((_after, { req }) => req.query?.before === undefined)
    .withMessage('Give before or after, not both'),
  queryValue('limit')
    .isInt({ min: 1, max: MESSAGE_LIMITS.pageMax })
    .withMessage(`Must be a whole number from 1 to ${MESSAGE_LIMITS.pageMax}`)
    .toInt(),
];

/** `POST /api/conversations/:id/messages` `{ body, replyTo? }` */
export const sendMessageBody = () => [
  messageBodyField(),
  idField('replyTo', 'Must be a message id').optional(),
];

/**
 * The same as JSON or as a multipart form with a picture in `file`: then `body` may be empty
 * (the service refuses a message with neither text nor picture).
 */
export const sendMessageForm = () => [
  trimmedText(body('body'), 0, MESSAGE_LIMITS.bodyMax).optional(),
  idField('replyTo', 'Must be a message id').optional(),
];

export const proposalIdParam = () => param('id').isMongoId().withMessage('Must be a proposal id');

const PROPOSAL_TARGETS = ['sessionTypeId', 'bookingId'] as const;

/** `POST /api/conversations/:id/proposals` `{ sessionTypeId, start }` | `{ bookingId, start }`. */
export const proposalBody = () =>
  nestedBody(
    [
      idField('sessionTypeId', 'Must be a session type id').optional(),
      idField('bookingId', 'Must be a booking id').optional(),
      instantField('start'),
    ],
    [
      body()
        .custom(
          (value: Record<string, unknown>) =>
            PROPOSAL_TARGETS.filter((field) => value?.[field] !== undefined).length === 1,
        )
        .withMessage('Give exactly one of sessionTypeId or bookingId'),
    ],
  );

/** `DELETE /api/messages/:id?for=me|everyone` */
export const deleteScopeQuery = () =>
  queryValue('for')
    .custom(isOneOf(MESSAGE_DELETE_SCOPES))
    .withMessage(`Must be one of ${MESSAGE_DELETE_SCOPES.join(', ')}`);

/* Socket payloads: the same rules, run by validatePayload. */

const conversationIdField = () => idField('conversationId', 'Must be a conversation id');

export const conversationRefPayload = () => [conversationIdField()];

export const sendMessagePayload = () => [
  conversationIdField(),
  ...sendMessageBody(),
  trimmedText(body('clientId'), 1, 100).optional(),
];
