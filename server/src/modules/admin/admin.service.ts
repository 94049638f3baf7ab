import type { UserDTO } from '@coachhub/shared/user';
import type { AccountStatusService, ModerationInput } from '../auth/account-status.service.js';

export type { ModerationInput } from '../auth/account-status.service.js';

/** Admin actions on accounts; the account rules themselves belong to auth. */
export function createAdminService(deps: { accountStatus: AccountStatusService }) {
  return {
    suspend: (input: ModerationInput): Promise<UserDTO> => deps.accountStatus.suspend(input),
    reinstate: (input: ModerationInput): Promise<UserDTO> => deps.accountStatus.reinstate(input),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
