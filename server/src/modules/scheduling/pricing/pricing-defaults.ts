import type { CoachLifecycle } from '../../coaches/coach-lifecycle.js';
import { ensurePriceConfiguration } from './pricing-store.js';

/**
 * A new coach gets the default price configuration (`DEFAULT_PRICE_VALUES`) inside the creating
 * transaction; the upsert leaves an existing one alone and is safe to run again on a retry.
 */
export function registerPricingDefaults(lifecycle: CoachLifecycle): () => void {
  return lifecycle.onCoachCreated(async ({ userId, session }) => {
    await ensurePriceConfiguration(userId, session);
  });
}
