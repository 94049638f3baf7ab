import type { ValidationIssue } from '@coachhub/shared/errors';
import type { PriceConfigurationDTO, Quote } from '@coachhub/shared/pricing';
import { PRICE_LIMITS } from '@coachhub/shared/pricing';
import mongoose, { Types, type ClientSession } from 'mongoose';
import type { Principal } from '../../../core/auth/principal.js';
import { AppError, notFound } from '../../../core/errors.js';
import { NEW_CLIENT, type ClientHistory } from '../../../domain/pricing.js';
import { recordAudit } from '../../audit/audit.service.js';
import { coachExists } from '../../coaches/coach-records.js';
import { findVisibleCoachSummary } from '../../coaches/coach-visibility.js';
import {
  findBookableSessionType,
  ownSessionTypeIds,
} from '../session-types/session-type-lookup.js';
import { applyPriceChange, type PriceChange } from './price-changes.js';
import { toPriceConfigurationDTO } from './price-configuration.mapper.js';
import type {
  StoredDiscount,
  StoredPackage,
  StoredPriceValues,
} from './price-configuration.model.js';
import { ensurePriceConfiguration } from './pricing-store.js';
import { quoteSession } from './session-quote.js';
import type {
  DiscountInput,
  PackageInput,
  PriceValuesInput,
  QuoteInput,
  RateInput,
} from './pricing.validation.js';

const invalid = (issues: ValidationIssue[]) =>
  new AppError(400, 'VALIDATION_FAILED', 'The request is not valid', issues);

const bodyIssue = (field: string, message: string): ValidationIssue => ({
  field,
  location: 'body',
  message,
});

/** Rates may only name this coach's own session types. */
async function checkRates(coachId: string, rates: RateInput[], session: ClientSession) {
  if (rates.length === 0) return;
  const ownIds = await ownSessionTypeIds(
    coachId,
    rates.map((rate) => rate.sessionTypeId),
    session,
  );
  const issues = rates.flatMap((rate, index) =>
    ownIds.has(rate.sessionTypeId)
      ? []
      : [bodyIssue(`sessionTypeRates[${index}].sessionTypeId`, 'Not one of your session types')],
  );
  if (issues.length > 0) throw invalid(issues);
}

/** A package may only name this coach's own session types (any, active or not). */
async function checkPackageTypes(
  coachId: string,
  packages: readonly PackageInput[],
  session: ClientSession,
  field: (index: number) => string,
) {
  const named = packages.flatMap((item) => item.sessionTypeIds ?? []);
  if (named.length === 0) return;
  const ownIds = await ownSessionTypeIds(coachId, named, session);
  const issues = packages.flatMap((item, index) =>
    (item.sessionTypeIds ?? []).flatMap((id, at) =>
      ownIds.has(id)
        ? []
        : [bodyIssue(`${field(index)}sessionTypeIds[${at}]`, 'Not one of your session types')],
    ),
  );
  if (issues.length > 0) throw invalid(issues);
}

/** A given `_id` must name an item of the current list; a missing one makes a new item. */
function idFor(
  input: { _id?: string },
  current: readonly { _id: Types.ObjectId }[],
  field: string,
): Types.ObjectId {
  if (input._id === undefined) return new Types.ObjectId();
  const existing = current.find((item) => item._id.toString() === input._id);
  if (!existing)
    throw invalid([bodyIssue(field, 'No such item here; leave _id out for a new one')]);
  return existing._id;
}

const toStoredDiscount = (input: DiscountInput, _id: Types.ObjectId): StoredDiscount => ({
  _id,
  kind: input.kind,
  label: input.label,
  active: input.active,
  percent: input.percent,
  minSessions: input.minSessions,
  minDaysAhead: input.minDaysAhead,
});

const toStoredPackage = (input: PackageInput, _id: Types.ObjectId): StoredPackage => ({
  _id,
  name: input.name,
  sessions: input.sessions,
  price: input.price,
  validityDays: input.validityDays,
  active: input.active,
  sessionTypeIds: [...new Set(input.sessionTypeIds ?? [])].map((id) => new Types.ObjectId(id)),
});

/** The values after a PUT or PATCH: given keys replaced, the others kept. */
function withValues(current: StoredPriceValues, input: Partial<PriceValuesInput>) {
  return {
    currency: input.currency ?? current.currency,
    baseHourlyRate: input.baseHourlyRate ?? current.baseHourlyRate,
    sessionTypeRates: input.sessionTypeRates
      ? input.sessionTypeRates.map((rate) => ({
          sessionTypeId: new Types.ObjectId(rate.sessionTypeId),
          rate: rate.rate,
        }))
      : current.sessionTypeRates,
    discounts: input.discounts
      ? input.discounts.map((discount, index) =>
          toStoredDiscount(discount, idFor(discount, current.discounts, `discounts[${index}]._id`)),
        )
      : current.discounts,
    packages: input.packages
      ? input.packages.map((item, index) =>
          toStoredPackage(item, idFor(item, current.packages, `packages[${index}]._id`)),
        )
      : current.packages,
  };
}

function withinLimit(count: number, max: number, what: string): void {
  if (count >= max) throw new AppError(409, 'CONFLICT', `A coach can have at most ${max} ${what}`);
}

/**
 * How many sessions this client has with this coach, for the first-session and volume
 * discounts. Bookings sit above pricing, so the app injects the bookings module's answer.
 */
/** The client's sessions with the coach, as the discounts count them (injected by app.ts). */
export type ClientHistoryWith = (clientId: string, coachId: string) => Promise<ClientHistory>;

export function createPricingService(deps: { clientHistoryWith: ClientHistoryWith }) {
  /**
   * One change to the coach's configuration, in one transaction (values, version, priceFrom and,
   * for an admin acting on someone else's prices, the audit entry). The coach themself or an
   * admin may change it; anyone else gets 403.
   */
  async function change(
    coachId: string,
    caller: Principal,
    what: string,
    prepare: (session: ClientSession) => Promise<PriceChange>,
  ): Promise<PriceConfigurationDTO> {
    const byAdmin = caller.role === 'admin' && caller.userId !== coachId;
    if (caller.userId !== coachId && !byAdmin) {
      throw new AppError(403, 'FORBIDDEN', 'Only the coach or an admin can change these prices');
    }
    if (!(await coachExists(coachId))) throw notFound('Coach');
    const record = await mongoose.connection.transaction(async (session) => {
      const updated = await applyPriceChange(coachId, session, await prepare(session));
      if (byAdmin) {
        await recordAudit(
          {
            actorId: caller.userId,
            action: 'pricing.update',
            targetType: 'coach',
            targetId: coachId,
            reason: `Price configuration: ${what}`,
          },
          session,
        );
      }
      return updated;
    });
    return toPriceConfigurationDTO(record);
  }

  return {
    /**
     * Created with the defaults on first access. Prices are public like the profile: anyone may
     * read the configuration of a coach they may see (packages and discounts are offers).
     */
    async getConfig(coachId: string, viewer: Principal | undefined) {
      await findVisibleCoachSummary(coachId, viewer);
      return toPriceConfigurationDTO(await ensurePriceConfiguration(coachId));
    },

    replace(coachId: string, caller: Principal, input: PriceValuesInput) {
      return change(coachId, caller, 'replaced', async (session) => {
        await checkRates(coachId, input.sessionTypeRates, session);
        await checkPackageTypes(coachId, input.packages, session, (i) => `packages[${i}].`);
        return (current) => withValues(current, input);
      });
    },

    patch(coachId: string, caller: Principal, input: Partial<PriceValuesInput>) {
      return change(
        coachId,
        caller,
        `changed ${Object.keys(input).join(', ')}`,
        async (session) => {
          if (input.sessionTypeRates) await checkRates(coachId, input.sessionTypeRates, session);
          if (input.packages) {
            await checkPackageTypes(coachId, input.packages, session, (i) => `packages[${i}].`);
          }
          return (current) => withValues(current, input);
        },
      );
    },

    addDiscount(coachId: string, caller: Principal, input: DiscountInput) {
      return change(coachId, caller, `added discount "${input.label}"`, async () => (current) => {
        withinLimit(current.discounts.length, PRICE_LIMITS.maxDiscounts, 'discounts');
        return {
          ...current,
          discounts: [...current.discounts, toStoredDiscount(input, new Types.ObjectId())],
        };
      });
    },

    /** Filters the discount out in a transaction; 404 when it is not there. */
    removeDiscount(coachId: string, caller: Principal, discountId: string) {
      return change(coachId, caller, `removed discount ${discountId}`, async () => (current) => {
        const discounts = current.discounts.filter((item) => item._id.toString() !== discountId);
        if (discounts.length === current.discounts.length) throw notFound('Discount');
        return { ...current, discounts };
      });
    },

    addPackage(coachId: string, caller: Principal, input: PackageInput) {
      return change(coachId, caller, `added package "${input.name}"`, async (session) => {
        await checkPackageTypes(coachId, [input], session, () => '');
        return (current) => {
          withinLimit(current.packages.length, PRICE_LIMITS.maxPackages, 'packages');
          return {
            ...current,
            packages: [...current.packages, toStoredPackage(input, new Types.ObjectId())],
          };
        };
      });
    },

    removePackage(coachId: string, caller: Principal, packageId: string) {
      return change(coachId, caller, `removed package ${packageId}`, async () => (current) => {
        const packages = current.packages.filter((item) => item._id.toString() !== packageId);
        if (packages.length === current.packages.length) throw notFound('Package');
        return { ...current, packages };
      });
    },

    /**
     * The price of a prospective booking. A signed-in caller's sessions with the coach decide
     * the first-session and volume discounts; an anonymous one is quoted as a new client.
     */
    async quote(caller: Principal | undefined, request: QuoteInput): Promise<Quote> {
      await findVisibleCoachSummary(request.coachId, caller);
      const sessionType = await findBookableSessionType(request.coachId, request.sessionTypeId);
      if (!sessionType) throw notFound('Session type');
      return quoteSession({
        coachId: request.coachId,
        sessionType,
        start: request.start,
        now: new Date(),
        clientHistory: caller
          ? await deps.clientHistoryWith(caller.userId, request.coachId)
          : NEW_CLIENT,
      });
    },
  };
}

export type PricingService = ReturnType<typeof createPricingService>;
