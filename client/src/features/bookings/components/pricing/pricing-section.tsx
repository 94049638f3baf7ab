import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { usePriceConfig } from '../../api/get-price-config';
import { useSessionTypes } from '../../api/get-session-types';
import { DiscountsEditor } from './discounts-editor';
import { PackagesEditor } from './packages-editor';
import { RatesForm } from './rates-form';
import './pricing.css';

/** Everything the coach charges: rates, discounts and packages. */
export const PricingSection = ({ userId }: { userId: string }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const config = usePriceConfig(userId);
  const sessionTypes = useSessionTypes(userId);

  if (config.isPending || sessionTypes.isPending) {
    return <p role="status">{t('practice.loading')}</p>;
  }
  if (config.isError || sessionTypes.isError) {
    return (
      <div role="alert">
        <p>{errorMessage(config.error ?? sessionTypes.error)}</p>
        <Button
          variant="secondary"
          onClick={() => void Promise.all([config.refetch(), sessionTypes.refetch()])}
        >
          {t('booking.retry')}
        </Button>
      </div>
    );
  }
  return (
    <div className="pricing">
      <section aria-labelledby="pricing-rates-heading" className="pricing__part">
        <h3 id="pricing-rates-heading">{t('practice.pricing.ratesFormHeading')}</h3>
        <RatesForm config={config.data} sessionTypes={sessionTypes.data} />
      </section>
      <section aria-labelledby="pricing-discounts-heading" className="pricing__part">
        <h3 id="pricing-discounts-heading">{t('practice.pricing.discountsHeading')}</h3>
        <DiscountsEditor userId={userId} discounts={config.data.discounts} />
      </section>
      <section aria-labelledby="pricing-packages-heading" className="pricing__part">
        <h3 id="pricing-packages-heading">{t('practice.pricing.packagesHeading')}</h3>
        <PackagesEditor
          userId={userId}
          currency={config.data.currency}
          packages={config.data.packages}
        />
      </section>
    </div>
  );
};
