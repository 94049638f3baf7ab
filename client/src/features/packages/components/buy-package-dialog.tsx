import type { CoachPackageOffer, PackagePurchaseDTO } from '@coachhub/shared/payment';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { Button } from '@/components/ui/button';
import { DialogFrame } from '@/components/ui/dialog-frame';
import { toApiError } from '@/lib/api-error';
import { browserLocation } from '@/lib/browser-location';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { formatMoney } from '@/lib/money';
import { useFormatContext } from '@/lib/use-format-context';

import { usePurchasePackage } from '../api/purchase-package';

interface BuyPackageDialogProps {
  offer: CoachPackageOffer;
  coachName: string;
  onClose: () => void;
  /** Bought without a checkout: the credits exist already, paid to the coach directly. */
  onBought: (purchase: PackagePurchaseDTO) => void;
}

/**
 * Asks before buying, then buys: with online payment the browser goes on to the provider's
 * checkout (which sends the client back to the app), else the purchase is active at once.
 */
export const BuyPackageDialog = ({
  offer,
  coachName,
  onClose,
  onBought,
}: BuyPackageDialogProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const errorMessage = useErrorMessage();
  const purchase = usePurchasePackage();
  const [leavingToPay, setLeavingToPay] = useState(false);

  const buy = () =>
    purchase.mutate(offer.packageId, {
      onSuccess: ({ purchase: bought, checkoutUrl }) => {
        if (!checkoutUrl) return onBought(bought);
        setLeavingToPay(true);
        browserLocation.assign(checkoutUrl);
      },
    });

  const busy = purchase.isPending || leavingToPay;
  // The general text of this code speaks of a booking's time slot, which a package has not.
  const failureMessage = (error: unknown) =>
    toApiError(error).code === 'PAYMENT_PROVIDER_UNAVAILABLE'
      ? t('packages.confirm.providerUnavailable')
      : errorMessage(error);
  return (
    <DialogFrame
      role="dialog"
      title={t('packages.confirm.title', { name: offer.name })}
      description={t('packages.confirm.description', {
        sessions: offer.sessions,
        coach: coachName,
        price: formatMoney({ amount: offer.price, currency: offer.currency }, format.locale),
        days: offer.validityDays,
      })}
      onDismiss={() => {
        if (!busy) onClose();
      }}
      onSubmit={buy}
      data-testid="buy-package-dialog"
      actions={
        <>
          <Button
            type="button"
            variant="secondary"
            onClick={onClose}
            disabled={busy}
            data-initial-focus
          >
            {t('packages.confirm.cancel')}
          </Button>
          <Button
            type="submit"
            isBusy={busy}
            busyLabel={t(leavingToPay ? 'packages.confirm.toCheckout' : 'packages.offer.buying')}
          >
            {t('packages.confirm.confirm')}
          </Button>
        </>
      }
    >
      <FormAlert message={purchase.error ? failureMessage(purchase.error) : null} />
    </DialogFrame>
  );
};
