import type { Role, UserStatus } from '@coachhub/shared/roles';
import type { UserDTO, UserSummaryDTO } from '@coachhub/shared/user';
import type { ClientSession } from 'mongoose';
import { toUserDTO, toUserSummaryDTO } from './user.mapper.js';
import { User, type UserDocument } from './user.model.js';
import type { UserFields, UserRecord } from './user.types.js';

/**
 * The users module's published interface: how auth, coaches, admin and the seed read and change
 * accounts without touching the User model. Functions that take a `session` write inside the
 * caller's transaction.
 */

export type NewUser = Pick<
  UserFields,
  'email' | 'firstName' | 'lastName' | 'role' | 'passwordHash'
> &
  Partial<Pick<UserFields, 'locale' | 'timeZone'>>;

export function findUserById(userId: string, session?: ClientSession): Promise<UserRecord | null> {
  return User.findById(userId)
    .session(session ?? null)
    .lean<UserRecord>()
    .exec();
}

/** Only the fields named (Mongoose select syntax), for list views that need a few. */
export function findUsersByIds<T extends Pick<UserRecord, '_id'>>(
  userIds: readonly string[],
  fields: string,
): Promise<T[]> {
  return User.find({ _id: { $in: userIds } })
    .select(fields)
    .lean<T[]>()
    .exec();
}

/** Summaries (name, role, picture) of these users; unknown ids are left out. */
export async function findUserSummaries(userIds: readonly string[]): Promise<UserSummaryDTO[]> {
  const users = await findUsersByIds<UserRecord>(userIds, 'firstName lastName role profilePicture');
  return users.map(toUserSummaryDTO);
}

/**
 * What authorization needs on every request: the role, whether the account is usable, and
 * whether it has two-factor sign-in (admins may be required to).
 */
export function findRoleAndStatus(
  userId: string,
): Promise<Pick<UserRecord, '_id' | 'role' | 'status' | 'twoFactorEnabled'> | null> {
  return User.findById(userId).select('role status twoFactorEnabled').lean<UserRecord>().exec();
}

/**
 * The whole account as its owner sees it (`/api/users/me`), which also carries what authorization
 * needs: the principal cache keeps it, so a signed-in request and `/me` read nothing more.
 */
export async function findAccount(userId: string): Promise<UserDTO | null> {
  const user = await User.findById(userId).lean<UserRecord>().exec();
  return user ? toUserDTO(user) : null;
}

export async function emailInUse(email: string): Promise<boolean> {
  return (await User.exists({ email: email.toLowerCase() })) !== null;
}

/** Throws Mongo's duplicate-key error when the email is taken meanwhile (callers map it). */
export async function createUser(fields: NewUser): Promise<UserRecord> {
  const created = await User.create(fields);
  return created.toObject();
}

/** The account with its password hash (never selected otherwise), by email or by id. */
export function findCredentials(
  by: { email: string } | { userId: string },
): Promise<UserDocument | null> {
  const filter = 'email' in by ? { email: by.email } : { _id: by.userId };
  return User.findOne(filter).select('+passwordHash').exec();
}

export async function setPasswordHash(userId: string, passwordHash: string): Promise<void> {
  await User.updateOne({ _id: userId }, { $set: { passwordHash } });
}

/** The flag sign-in and authorization read; auth keeps the secrets, in the same transaction. */
export async function setTwoFactorEnabled(
  userId: string,
  enabled: boolean,
  session: ClientSession,
): Promise<void> {
  await User.updateOne({ _id: userId }, { $set: { twoFactorEnabled: enabled } }, { session });
}

export function setUserRole(
  userId: string,
  role: Role,
  session: ClientSession,
): Promise<UserRecord | null> {
  return User.findByIdAndUpdate(userId, { $set: { role } }, { returnDocument: 'after', session })
    .lean<UserRecord>()
    .exec();
}

/** Moves the account from one status to the other; null when it was not in `from` (or is gone). */
export function changeUserStatus(
  userId: string,
  from: UserStatus,
  to: UserStatus,
  session: ClientSession,
): Promise<UserRecord | null> {
  return User.findOneAndUpdate(
    { _id: userId, status: from },
    { $set: { status: to } },
    { returnDocument: 'after', session },
  )
    .lean<UserRecord>()
    .exec();
}

/**
 * True when this user is an active admin, proven by a write in `session`: two admins suspending
 * each other at once then write the same two documents, so the database lets only one commit
 * and the retried other finds its own account suspended.
 */
export async function holdActiveAdmin(userId: string, session: ClientSession): Promise<boolean> {
  const held = await User.updateOne(
    { _id: userId, role: 'admin', status: 'active' },
    { $set: { updatedAt: new Date() } },
    { session, timestamps: false },
  ).exec();
  return held.matchedCount === 1;
}

/** Active admins other than `exceptUserId`, as the session sees them. */
export function countOtherActiveAdmins(
  exceptUserId: string,
  session: ClientSession,
): Promise<number> {
  return User.countDocuments({ _id: { $ne: exceptUserId }, role: 'admin', status: 'active' })
    .session(session)
    .exec();
}

export async function userExists(userId: string, session?: ClientSession): Promise<boolean> {
  return (await User.exists({ _id: userId }).session(session ?? null)) !== null;
}

export function findUserByEmail(email: string): Promise<Pick<UserRecord, '_id' | 'role'> | null> {
  return User.findOne({ email: email.toLowerCase() }).select('role').lean<UserRecord>().exec();
}

/** The accounts of these emails (unknown ones left out), with the fields named (`T` says which). */
export function findUsersByEmails<
  T extends Pick<UserRecord, '_id' | 'email'> = Pick<UserRecord, '_id' | 'email'>,
>(emails: readonly string[], fields: string): Promise<T[]> {
  return User.find({ email: { $in: emails.map((email) => email.toLowerCase()) } })
    .select(`email ${fields}`)
    .lean<T[]>()
    .exec();
}

/** The ids of the active accounts with this role (e.g. the admins who answer support chats). */
export async function findActiveUserIdsByRole(role: Role): Promise<string[]> {
  const users = await User.find({ role, status: 'active' }).select('_id').lean<UserRecord[]>();
  return users.map((user) => user._id.toString());
}
