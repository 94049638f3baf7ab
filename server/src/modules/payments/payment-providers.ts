import type { PaymentsConfig } from '../../core/config/config.js';
import { manualProvider, type PaymentProvider } from './payment-provider.js';
import { createStripeProvider } from './stripe-provider.js';

/** The configured provider: Stripe when its keys are set (config.ts checks both), else manual. */
export function createPaymentProvider(config: PaymentsConfig): PaymentProvider {
  return config.stripe ? createStripeProvider(config.stripe) : manualProvider;
}
