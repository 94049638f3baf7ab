import { NOTIFICATION_TYPES } from '@coachhub/shared/notification';
import type { NotificationDTO } from '@coachhub/shared/notification';
import type { Currency } from '@coachhub/shared/pricing';

import { formatDateTime } from '@/lib/format';
import type { FormatContext } from '@/lib/format';
import type { TranslationKey } from '@/lib/i18n/translation-key';
import { formatMoney } from '@/lib/money';

/** The key of every type: the typecheck fails when a type has no text in en.ts. */
const KNOWN_KEYS: ReadonlySet<string> = new Set(
  NOTIFICATION_TYPES.map((type): TranslationKey => `notifications.${type}`),
);

/** Params that hold an ISO instant, shown in the viewer's zone. */
const INSTANT_PARAMS = ['start', 'previousStart', 'requestedStart'] as const;

export interface NotificationMessage {
  key: TranslationKey;
  /** The params, display-ready: instants in the viewer's zone and language, names filled in. */
  params: Record<string, string>;
  /** Further lines shown under the text where there are any (a reason, a cancellation fee). */
  details: { key: TranslationKey; params: Record<string, string> }[];
}

const moneyOf = (
  amount: string | number | undefined,
  currency: string | number | undefined,
  locale: string,
): string | null => {
  if (typeof amount !== 'number' || amount <= 0 || typeof currency !== 'string') return null;
  try {
    return formatMoney({ amount, currency: currency as Currency }, locale);
  } catch {
    return null; // A currency this browser's Intl does not know.
  }
};

const feeOf = (params: NotificationDTO['params'], locale: string): string | null =>
  moneyOf(params.feeAmount, params.feeCurrency, locale);

/**
 * What a notification says, in the viewer's language and time zone: its i18n key (an unknown
 * type, from a newer server, gets a general text) and its params formatted for display.
 * `someone` stands in for the name of a person whose account is gone.
 */
export const notificationMessage = (
  notification: NotificationDTO,
  context: FormatContext,
  someone: string,
): NotificationMessage => {
  const source = notification.params;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) params[name] = String(value);
  for (const name of INSTANT_PARAMS) {
    const value = source[name];
    if (typeof value === 'string') params[name] = formatDateTime(value, context);
  }
  if ('name' in params && params.name.trim() === '') params.name = someone;
  // An amount of money (a refund) in its currency, as the viewer writes money.
  const amount = moneyOf(source.amount, source.currency, context.locale);
  if (amount) params.amount = amount;

  const details: NotificationMessage['details'] = [];
  const reason = typeof source.reason === 'string' ? source.reason.trim() : '';
  if (reason) details.push({ key: 'notifications.details.reason', params: { reason } });
  const fee = feeOf(source, context.locale);
  if (fee) details.push({ key: 'notifications.details.fee', params: { fee } });

  const key = KNOWN_KEYS.has(notification.key)
    ? (notification.key as TranslationKey)
    : 'notifications.unknown';
  return { key, params, details };
};
