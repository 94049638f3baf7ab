import type { SessionTypePricing } from '../session-types/session-types.service.js';
import { applyPriceChange } from './price-changes.js';
import { PriceConfiguration } from './price-configuration.model.js';
import { loadPricingRules, refreshPriceFrom } from './pricing-store.js';

/** Pricing's side of session type changes (the port session types declare). */
export const sessionTypePricing: SessionTypePricing = {
  rulesFor: (coachId) => loadPricingRules(coachId),

  offerChanged: (coachId, session) => refreshPriceFrom(coachId, session),

  async sessionTypeRemoved(coachId, sessionTypeId, session) {
    const hasRate = await PriceConfiguration.exists({
      coach: coachId,
      'sessionTypeRates.sessionTypeId': sessionTypeId,
    }).session(session);
    if (!hasRate) {
      await refreshPriceFrom(coachId, session);
      return;
    }
    await applyPriceChange(coachId, session, (values) => ({
      ...values,
      sessionTypeRates: values.sessionTypeRates.filter(
        (rate) => rate.sessionTypeId.toString() !== sessionTypeId,
      ),
    }));
  },
};
