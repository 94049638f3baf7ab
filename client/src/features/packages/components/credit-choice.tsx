import type { CreditBalance } from '@coachhub/shared/payment';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { RadioGroup } from '@/components/form/radio-group';
import { toApiError } from '@/lib/api-error';
import { useCurrentMinute } from '@/lib/use-current-minute';
import { useFormatContext } from '@/lib/use-format-context';

import { useCredits } from '../api/get-credits';
import { formatExpiry } from './package-format';

interface CreditChoiceProps {
  coachId: string;
  sessionTypeId: string;
  useCredit: boolean;
  onUseCreditChange: (useCredit: boolean) => void;
  /** The booking's last refusal: a credit used up meanwhile is read again. */
  bookingError: unknown;
}

const PAY = 'pay';
const CREDIT = 'credit';

/**
 * The credit a booking would take, as the server picks it: this coach's, covering the session
 * type, not expired, with a credit left, the soonest to lapse first.
 */
export const usableCredit = (
  credits: readonly CreditBalance[],
  booking: { coachId: string; sessionTypeId: string },
  now: number,
): CreditBalance | null =>
  credits
    .filter(
      (credit) =>
        credit.coachId === booking.coachId &&
        credit.remaining > 0 &&
        Date.parse(credit.expiresAt) > now &&
        (!credit.sessionTypeIds?.length || credit.sessionTypeIds.includes(booking.sessionTypeId)),
    )
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt))[0] ?? null;

/**
 * In the booking flow: when the client holds a credit with this coach for this session type,
 * a choice between paying as usual and using the credit; nothing otherwise.
 */
export const CreditChoice = ({
  coachId,
  sessionTypeId,
  useCredit,
  onUseCreditChange,
  bookingError,
}: CreditChoiceProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const credits = useCredits();
  const { refetch } = credits;
  const now = useCurrentMinute();
  const credit = usableCredit(credits.data ?? [], { coachId, sessionTypeId }, now.getTime());
  const noCreditLeft = bookingError
    ? toApiError(bookingError).code === 'NO_CREDIT_AVAILABLE'
    : false;

  useEffect(() => {
    if (noCreditLeft) void refetch();
  }, [noCreditLeft, refetch]);

  // A credit that went away (used by another booking, expired) cannot stay chosen.
  useEffect(() => {
    if (useCredit && !credit && !credits.isFetching) onUseCreditChange(false);
  }, [useCredit, credit, credits.isFetching, onUseCreditChange]);

  if (!credit) return null;
  return (
    <div className="credit-choice" data-testid="credit-choice">
      <RadioGroup
        legend={t('packages.credit.legend')}
        name="payment"
        value={useCredit ? CREDIT : PAY}
        onChange={(value) => onUseCreditChange(value === CREDIT)}
        options={[
          { value: PAY, label: t('packages.credit.payAsUsual') },
          {
            value: CREDIT,
            label: t('packages.credit.useCredit', {
              count: credit.remaining,
              date: formatExpiry(credit.expiresAt, format),
            }),
          },
        ]}
      />
      {useCredit && (
        <p className="notice" role="status" data-testid="credit-covered">
          {credit.packageName
            ? t('packages.credit.covered', { name: credit.packageName })
            : t('packages.credit.coveredNoName')}
        </p>
      )}
    </div>
  );
};
