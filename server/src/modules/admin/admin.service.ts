import { ADMIN_STATS_DAYS, type AdminStatsDTO, type AdminUserDTO } from '@coachhub/shared/admin';
import type { BookingPage } from '@coachhub/shared/booking';
import type { Page } from '@coachhub/shared/pagination';
import type { BookingStatus } from '@coachhub/shared/scheduling';
import type { UserDTO } from '@coachhub/shared/user';
import { AppError, notFound } from '../../core/errors.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AccountStatusService, ModerationInput } from '../auth/account-status.service.js';
import { coachFigures, verificationStatusesOf } from '../coaches/coach-admin-queries.js';
import type { ReportsService } from '../reports/reports.service.js';
import type { BookingsService } from '../scheduling/bookings/bookings.service.js';
import {
  findUserIdsMatching,
  searchUsers,
  userFigures,
  type UserSearch,
} from '../users/user-admin-queries.js';
import { findUserById } from '../users/user-accounts.js';
import { toUserDTO } from '../users/user.mapper.js';

export type { ModerationInput } from '../auth/account-status.service.js';

export interface BookingLookupInput {
  bookingId?: string;
  clientId?: string;
  coachId?: string;
  /** A name or e-mail of either side. */
  q?: string;
  status?: BookingStatus;
  page: number;
  limit: number;
}

/** People a lookup by name or e-mail considers at most (a search, not an export). */
const LOOKUP_PEOPLE_MAX = 200;

/**
 * Admin actions on accounts and the admin's read views. Account rules belong to auth; figures
 * come from each module's own published functions (never its model).
 */
export function createAdminService(deps: {
  accountStatus: AccountStatusService;
  events: EventBus;
  bookings: Pick<BookingsService, 'platformFigures' | 'adminLookup'>;
  reports: Pick<ReportsService, 'countOpen'>;
}) {
  async function withVerification(users: UserDTO[]): Promise<AdminUserDTO[]> {
    const coachIds = users.filter((user) => user.role === 'coach').map((user) => user._id);
    const statuses = await verificationStatusesOf(coachIds);
    return users.map((user) => ({ ...user, coachVerification: statuses.get(user._id) ?? null }));
  }

  const adminUser = async (user: UserDTO): Promise<AdminUserDTO> => {
    const [dto] = await withVerification([user]);
    if (!dto) throw notFound('User');
    return dto;
  };

  return {
    suspend: async (input: ModerationInput): Promise<UserDTO> => deps.accountStatus.suspend(input),
    reinstate: async (input: ModerationInput): Promise<UserDTO> =>
      deps.accountStatus.reinstate(input),

    /**
     * A warning: written to the audit log, then the user is notified (`user.warned`, an
     * `account.warned` notification with the reason). Admins do not warn themselves.
     */
    async warn(input: ModerationInput): Promise<AdminUserDTO> {
      if (input.actorId === input.targetId) {
        throw new AppError(403, 'FORBIDDEN', 'Admins cannot warn their own account');
      }
      const user = await findUserById(input.targetId);
      if (!user) throw notFound('User');
      await recordAudit({
        actorId: input.actorId,
        action: 'user.warn',
        targetType: 'user',
        targetId: input.targetId,
        reason: input.reason,
      });
      deps.events.publish('user.warned', {
        userId: input.targetId,
        by: input.actorId,
        reason: input.reason,
      });
      return adminUser(toUserDTO(user));
    },

    async listUsers(search: UserSearch): Promise<Page<AdminUserDTO>> {
      const page = await searchUsers(search);
      return { ...page, items: await withVerification(page.items) };
    },

    /** The dashboard's figures; the per-day series cover `ADMIN_STATS_DAYS` UTC days. */
    async stats(now = new Date()): Promise<AdminStatsDTO> {
      const [users, coaches, bookings, openReports] = await Promise.all([
        userFigures(now, ADMIN_STATS_DAYS),
        coachFigures(),
        deps.bookings.platformFigures(now, ADMIN_STATS_DAYS),
        deps.reports.countOpen(),
      ]);
      return {
        users: { total: users.total, byRole: users.byRole, byStatus: users.byStatus },
        coaches,
        bookings: { total: bookings.total, byStatus: bookings.byStatus },
        reports: { open: openReports },
        bookingsPerDay: bookings.madePerDay,
        newUsersPerDay: users.newPerDay,
        generatedAt: now.toISOString(),
      };
    },

    /** Any booking, read-only: by id, by either side's user id, or by a name or e-mail. */
    async lookupBookings(adminId: string, input: BookingLookupInput): Promise<BookingPage> {
      const { q, ...criteria } = input;
      const participantIds = q ? await findUserIdsMatching(q, LOOKUP_PEOPLE_MAX) : undefined;
      if (participantIds?.length === 0) {
        return { items: [], page: input.page, limit: input.limit, total: 0 };
      }
      return deps.bookings.adminLookup(adminId, { ...criteria, participantIds });
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
