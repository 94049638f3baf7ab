import type { TranslationKey } from '@/lib/i18n/translation-key';

const DAY_MS = 24 * 3_600_000;

/**
 * "Welcome" for an account made within the last day (its first visits), "Welcome back" after
 * that. Decided from the account's `createdAt`, which every device knows; `now` is passed in.
 */
export const greetingKey = (createdAt: string, now: Date): TranslationKey => {
  const age = now.getTime() - new Date(createdAt).getTime();
  return Number.isFinite(age) && age < DAY_MS ? 'dashboard.greetingNew' : 'dashboard.greeting';
};
