import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { Button, buttonClassName } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useCredits, usePackagePurchases } from '../api/get-credits';
import { CreditList } from '../components/credit-list';
import { PurchaseTable } from '../components/purchase-table';
import '../components/packages.css';

interface MyPackagesPageProps {
  /** Names a coach (a link to the profile); the route fills it from the coaches feature. */
  renderCoach?: (coachId: string) => ReactNode;
}

const LoadFailed = ({
  text,
  error,
  retry,
}: {
  text: string;
  error: unknown;
  retry: () => void;
}) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <div role="alert">
      <p>
        {text} {errorMessage(error)}
      </p>
      <Button variant="secondary" onClick={retry}>
        {t('packages.mine.retry')}
      </Button>
    </div>
  );
};

/** `/packages`: the client's credits coach by coach, and every package they bought. */
export const MyPackagesPage = ({ renderCoach }: MyPackagesPageProps) => {
  const { t } = useTranslation();
  const credits = useCredits();
  const purchases = usePackagePurchases();
  const bought = purchases.data?.pages.flat();
  const coach = renderCoach ?? (() => t('packages.mine.someCoach'));

  return (
    <div className="my-packages">
      <PageTitle title={t('packages.mine.title')} />
      <header className="page-header">
        <h1>{t('packages.mine.title')}</h1>
        <p className="page-header__lead">{t('packages.mine.lead')}</p>
      </header>
      <section className="panel my-packages__section" aria-labelledby="my-credits-heading">
        <h2 id="my-credits-heading">{t('packages.mine.creditsHeading')}</h2>
        {credits.isPending && <p role="status">{t('packages.mine.creditsLoading')}</p>}
        {credits.isError && (
          <LoadFailed
            text={t('packages.mine.creditsFailed')}
            error={credits.error}
            retry={() => void credits.refetch()}
          />
        )}
        {credits.data?.length === 0 && (
          <div data-testid="credits-empty">
            <p>{t('packages.mine.noCredits')}</p>
            <p>
              <Link className={buttonClassName('primary')} to={paths.app.coaches.getHref()}>
                {t('packages.mine.findCoach')}
              </Link>
            </p>
          </div>
        )}
        {credits.data && credits.data.length > 0 && (
          <CreditList credits={credits.data} renderCoach={coach} />
        )}
      </section>
      <section className="panel my-packages__section" aria-labelledby="my-purchases-heading">
        <h2 id="my-purchases-heading">{t('packages.mine.purchasesHeading')}</h2>
        {purchases.isPending && <p role="status">{t('packages.mine.purchasesLoading')}</p>}
        {purchases.isError && (
          <LoadFailed
            text={t('packages.mine.purchasesFailed')}
            error={purchases.error}
            retry={() => void purchases.refetch()}
          />
        )}
        {bought?.length === 0 && (
          <p data-testid="purchases-empty">{t('packages.mine.noPurchases')}</p>
        )}
        {bought && bought.length > 0 && <PurchaseTable purchases={bought} renderCoach={coach} />}
        {purchases.hasNextPage && (
          <p>
            <Button
              variant="secondary"
              onClick={() => void purchases.fetchNextPage()}
              isBusy={purchases.isFetchingNextPage}
              busyLabel={t('packages.mine.loadingMore')}
            >
              {t('packages.mine.showMore')}
            </Button>
          </p>
        )}
      </section>
    </div>
  );
};
