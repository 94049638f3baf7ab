import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '@coachhub/shared/pagination';
import type { Request } from 'express';
import { query } from 'express-validator';
import { validated } from './validation.js';

// A repeated parameter (`?page=1&page=2`) passes isInt item by item and becomes a list of numbers.
const givenOnce = (value: unknown) => typeof value === 'number';

/** `?page=&limit=` rules for every paged list (api.md "Lists"). */
export const paginationQuery = () => [
  query('page')
    .optional()
    .isInt({ min: 1, max: 100_000 })
    .withMessage('Must be a whole number from 1')
    .toInt()
    .custom(givenOnce)
    .withMessage('Must be given once'),
  query('limit')
    .optional()
    .isInt({ min: 1, max: MAX_PAGE_LIMIT })
    .withMessage(`Must be a whole number from 1 to ${MAX_PAGE_LIMIT}`)
    .toInt()
    .custom(givenOnce)
    .withMessage('Must be given once'),
];

export function pageOf(req: Request): { page: number; limit: number } {
  const { page, limit } = validated<{ page?: number; limit?: number }>(req);
  return { page: page ?? 1, limit: limit ?? DEFAULT_PAGE_LIMIT };
}
