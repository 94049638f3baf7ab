import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { Button, buttonClassName } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useFormatContext } from '@/lib/use-format-context';

import { isPaymentNotVerified, usePackageCheckoutReturn } from '../api/use-package-checkout-return';
import { formatExpiry } from '../components/package-format';
import '../components/packages.css';

/**
 * `/packages/checkout-return?purchase=<id>&session_id=<id>`: where the payment provider sends a
 * client after paying for a package. The server checks the payment; the page says whether the
 * credits are there, waits a little while the provider has not confirmed yet, and explains a
 * link that lacks its parameters.
 */
export const PackageCheckoutReturnPage = () => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const purchaseId = params.get('purchase')?.trim() ?? '';
  const sessionId = params.get('session_id')?.trim() ?? '';
  const input = purchaseId && sessionId ? { purchaseId, sessionId } : null;
  const result = usePackageCheckoutReturn(input);

  const myPackages = (
    <p>
      <Link className={buttonClassName('secondary')} to={paths.app.packages.getHref()}>
        {t('packages.checkoutReturn.myPackages')}
      </Link>
    </p>
  );

  const checkAgain = (
    <Button variant="secondary" isBusy={result.isFetching} onClick={() => void result.refetch()}>
      {t('packages.checkoutReturn.checkAgain')}
    </Button>
  );

  const body = () => {
    if (!input) {
      return (
        <div role="alert" data-testid="package-return-bad-link">
          <h2>{t('packages.checkoutReturn.badLinkTitle')}</h2>
          <p>{t('packages.checkoutReturn.badLinkText')}</p>
        </div>
      );
    }
    if (result.data) {
      const purchase = result.data;
      return (
        <div data-testid="package-return-success">
          <h2>{t('packages.checkoutReturn.successTitle')}</h2>
          <p>
            {t('packages.checkoutReturn.success', {
              count: purchase.remaining,
              date: purchase.expiresAt ? formatExpiry(purchase.expiresAt, format) : '',
            })}
          </p>
        </div>
      );
    }
    const waiting =
      isPaymentNotVerified(result.error) || isPaymentNotVerified(result.failureReason);
    if (waiting) {
      const gaveUp = result.isError;
      return (
        <div data-testid="package-return-waiting" data-gave-up={gaveUp}>
          <h2>{t('packages.checkoutReturn.waitingTitle')}</h2>
          <p>
            {t(
              gaveUp
                ? 'packages.checkoutReturn.waitingGaveUp'
                : 'packages.checkoutReturn.waitingText',
            )}
          </p>
          {gaveUp && checkAgain}
        </div>
      );
    }
    if (result.isError) {
      return (
        <div role="alert" data-testid="package-return-failed">
          <h2>{t('packages.checkoutReturn.failedTitle')}</h2>
          <p>{errorMessage(result.error)}</p>
          {checkAgain}
        </div>
      );
    }
    return <p>{t('packages.checkoutReturn.checking')}</p>;
  };

  return (
    <div className="package-return">
      <PageTitle title={t('packages.checkoutReturn.title')} />
      <header className="page-header">
        <h1>{t('packages.checkoutReturn.title')}</h1>
      </header>
      {/* One live region for the whole answer: checking, waiting, then the outcome. */}
      <section className="panel package-return" aria-live="polite">
        {body()}
        {myPackages}
      </section>
    </div>
  );
};
