import type { SessionTypeDTO } from '@coachhub/shared/booking';
import { sessionPrice, type PricingRules } from '../../../domain/pricing.js';
import type { SessionTypeRecord } from './session-type.model.js';

/** The one SessionTypeDTO builder; the price comes from the coach's pricing rules. */
export function toSessionTypeDTO(record: SessionTypeRecord, rules: PricingRules): SessionTypeDTO {
  const _id = record._id.toString();
  return {
    _id,
    coachId: record.coach.toString(),
    title: record.title,
    slug: record.slug,
    durationMinutes: record.durationMinutes,
    description: record.description,
    mode: record.mode,
    active: record.active,
    price: {
      amount: sessionPrice(rules, { _id, durationMinutes: record.durationMinutes }),
      currency: rules.currency,
    },
  };
}
