import type { AdminUserSort, AdminUserSummaryDTO, DailyCount } from '@coachhub/shared/admin';
import type { Page } from '@coachhub/shared/pagination';
import { ROLES, USER_STATUSES, type Role, type UserStatus } from '@coachhub/shared/roles';
import type { UserDTO } from '@coachhub/shared/user';
import type { QueryFilter, SortOrder } from 'mongoose';
import { windowStart, zeroFilledDays } from '../../domain/daily-counts.js';
import { sumOf, tally } from '../../domain/tally.js';
import { literalPattern } from '../../domain/text-search.js';
import { toUserDTO } from './user.mapper.js';
import { User } from './user.model.js';
import type { UserFields, UserRecord } from './user.types.js';

/*
 * The users module's published reads for the admin area: figures, the searchable user list and
 * the summaries admins see (with the e-mail). Counting happens in the database.
 */

export interface UserSearch {
  q?: string;
  role?: Role;
  status?: UserStatus;
  sort: AdminUserSort;
  page: number;
  limit: number;
}

const SORTS: Record<AdminUserSort, Record<string, SortOrder>> = {
  newest: { createdAt: -1, _id: -1 },
  oldest: { createdAt: 1, _id: 1 },
  name: { lastName: 1, firstName: 1, _id: 1 },
  email: { email: 1, _id: 1 },
};

/** Each word of `q` must appear in the first name, the last name or the e-mail (literally). */
function matchingText(q: string): QueryFilter<UserFields> {
  const words = q.split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return {};
  return {
    $and: words.map((word) => {
      const pattern = literalPattern(word);
      return { $or: [{ firstName: pattern }, { lastName: pattern }, { email: pattern }] };
    }),
  };
}

export async function searchUsers(search: UserSearch): Promise<Page<UserDTO>> {
  const filter: QueryFilter<UserFields> = {
    ...(search.q ? matchingText(search.q) : {}),
    ...(search.role ? { role: search.role } : {}),
    ...(search.status ? { status: search.status } : {}),
  };
  const [users, total] = await Promise.all([
    User.find(filter)
      .sort(SORTS[search.sort])
      .skip((search.page - 1) * search.limit)
      .limit(search.limit)
      .lean<UserRecord[]>(),
    User.countDocuments(filter),
  ]);
  return { items: users.map(toUserDTO), page: search.page, limit: search.limit, total };
}

/** Ids of the accounts whose names or e-mail match `q` (at most `limit`, for lookups by person). */
export async function findUserIdsMatching(q: string, limit: number): Promise<string[]> {
  const users = await User.find(matchingText(q)).select('_id').limit(limit).lean<UserRecord[]>();
  return users.map((user) => user._id.toString());
}

export function toAdminUserSummaryDTO(user: UserRecord): AdminUserSummaryDTO {
  return {
    _id: user._id.toString(),
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    role: user.role,
    status: user.status,
    profilePicture: user.profilePicture
      ? { url: user.profilePicture.url, publicId: user.profilePicture.publicId }
      : null,
  };
}

/** Summaries with the e-mail, for admins only; unknown ids are left out. */
export async function findAdminUserSummaries(
  userIds: readonly string[],
): Promise<AdminUserSummaryDTO[]> {
  if (userIds.length === 0) return [];
  const users = await User.find({ _id: { $in: userIds } })
    .select('firstName lastName email role status profilePicture')
    .lean<UserRecord[]>();
  return users.map(toAdminUserSummaryDTO);
}

export interface UserFigures {
  total: number;
  byRole: Record<Role, number>;
  byStatus: Record<UserStatus, number>;
  /** Accounts created per UTC day, the last `days` days, oldest first. */
  newPerDay: DailyCount[];
}

interface UserFacets {
  byRole: { _id: Role; count: number }[];
  byStatus: { _id: UserStatus; count: number }[];
  perDay: { _id: string; count: number }[];
}

/** One aggregate: accounts by role, by status, and new accounts per UTC day. */
export async function userFigures(now: Date, days: number): Promise<UserFigures> {
  const [facets] = await User.aggregate<UserFacets>([
    {
      $facet: {
        byRole: [{ $group: { _id: '$role', count: { $sum: 1 } } }],
        byStatus: [{ $group: { _id: '$status', count: { $sum: 1 } } }],
        perDay: [
          { $match: { createdAt: { $gte: windowStart(now, days), $lte: now } } },
          {
            $group: {
              _id: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt' } },
              count: { $sum: 1 },
            },
          },
        ],
      },
    },
  ]);
  const byRole = tally(ROLES, facets?.byRole ?? []);
  return {
    total: sumOf(byRole),
    byRole,
    byStatus: tally(USER_STATUSES, facets?.byStatus ?? []),
    newPerDay: zeroFilledDays(
      now,
      days,
      (facets?.perDay ?? []).map(({ _id, count }) => ({ date: _id, count })),
    ),
  };
}
