import { createHash } from 'node:crypto';
import type { ClientSession } from 'mongoose';
import { AppError } from '../../../core/errors.js';
import { Booking, type BookingRecord } from './booking.model.js';

/** A create request, as validated: `start` already a Date. */
export interface CreateBookingInput {
  coachId: string;
  sessionTypeId: string;
  start: Date;
  notes?: string | null;
  /** Pay with a credit of a package bought from the coach (no checkout). */
  useCredit?: boolean;
}

/** What a create request is about, to tell a retry (same) from a reuse of its key (different). */
export function fingerprintOf(request: CreateBookingInput): string {
  const canonical = JSON.stringify([
    request.coachId,
    request.sessionTypeId,
    request.start.toISOString(),
    request.notes ? request.notes : null,
    // Only when set, so the fingerprints of requests without it stay what they were.
    ...(request.useCredit ? ['credit'] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The client's booking made with this key, if any (inside `session` when given). */
export function findByIdempotencyKey(
  clientId: string,
  idempotencyKey: string | undefined,
  session?: ClientSession,
): Promise<BookingRecord | null> | null {
  if (idempotencyKey === undefined) return null;
  return Booking.findOne({ client: clientId, idempotencyKey })
    .session(session ?? null)
    .lean()
    .exec();
}

/** A retry answers with the first booking; the same key with another request is refused. */
export function assertSameRequest(first: BookingRecord, fingerprint: string): void {
  if (first.idempotencyFingerprint !== fingerprint) {
    throw new AppError(
      409,
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different booking request',
    );
  }
}
