import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useStartCheckout } from '../api/start-checkout';

interface PayNowButtonProps {
  bookingId: string;
  variant?: 'primary' | 'secondary';
}

/**
 * Opens the checkout of a booking that awaits payment. The button stays busy after success:
 * the browser is on its way to the provider's page.
 */
export const PayNowButton = ({ bookingId, variant = 'primary' }: PayNowButtonProps) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const checkout = useStartCheckout();
  const leaving = checkout.isPending || checkout.isSuccess;
  return (
    <>
      <Button
        variant={variant}
        isBusy={leaving}
        busyLabel={t('payments.opening')}
        onClick={() => checkout.mutate(bookingId)}
        data-testid="pay-now"
      >
        {t('payments.payNow')}
      </Button>
      {checkout.isError && (
        <p role="alert" className="field__error payment-error">
          {errorMessage(checkout.error)}
        </p>
      )}
    </>
  );
};
