import type { CoachProfileDTO } from '@coachhub/shared/booking';
import type { CoachPackageOffer, PackagePurchaseDTO } from '@coachhub/shared/payment';
import { lazy, Suspense, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';

import { Button, buttonClassName } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/lib/auth/session';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useFormatContext } from '@/lib/use-format-context';

import { useCoachPackages } from '../api/get-coach-packages';
import { formatExpiry } from './package-format';
import { PackageOfferCard } from './package-offer-card';
import './packages.css';

// Buying opens a dialog few visitors of a profile ever see: it loads when they are about to.
const loadBuyDialog = () => import('./buy-package-dialog');
const BuyPackageDialog = lazy(() =>
  loadBuyDialog().then(({ BuyPackageDialog: Dialog }) => ({ default: Dialog })),
);
const preloadBuyDialog = () => void loadBuyDialog().catch(() => undefined);

/** The provider's cancel page sends the client back to the profile with this. */
const CHECKOUT_PARAM = 'checkout';
const CHECKOUT_CANCELLED = 'cancelled';

/** When the credits of a purchase made just now lapse (the server sets it once active). */
const expiryOf = (purchase: PackagePurchaseDTO): string =>
  purchase.expiresAt ??
  new Date(Date.parse(purchase.createdAt) + purchase.validityDays * 86_400_000).toISOString();

/**
 * The coach's packages on their profile. Signed-in people who book (clients, and coaches booking
 * another coach) can buy one; visitors are asked to sign in and come back; the coach sees them
 * as clients do, without buying. Nothing shows while the coach sells no package.
 */
export const CoachPackagesSection = ({ coach }: { coach: CoachProfileDTO }) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const errorMessage = useErrorMessage();
  const viewer = useCurrentUser();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const packages = useCoachPackages(coach._id);
  const [buying, setBuying] = useState<CoachPackageOffer | null>(null);
  const [bought, setBought] = useState<PackagePurchaseDTO | null>(null);

  const cancelled = searchParams.get(CHECKOUT_PARAM) === CHECKOUT_CANCELLED;
  // Drawn in slices the browser can interrupt, as the reviews are: it arrives during hydration.
  const offers = useDeferredValue(packages.data) ?? [];
  const fullName = `${coach.firstName} ${coach.lastName}`;
  if (offers.length === 0 && !packages.isError && !cancelled) return null;

  const dismissCancelled = () =>
    setSearchParams(
      (params) => {
        params.delete(CHECKOUT_PARAM);
        return params;
      },
      { replace: true },
    );

  const actionFor = (offer: CoachPackageOffer) => {
    if (!viewer) {
      return (
        <Link
          className={buttonClassName('secondary')}
          to={paths.auth.login.getHref(`${location.pathname}${location.search}`)}
          aria-label={t('packages.offer.signInToBuyLabel', { name: offer.name })}
        >
          {t('packages.offer.signInToBuy')}
        </Link>
      );
    }
    if (viewer._id === coach._id || viewer.role === 'admin') return null;
    return (
      <Button
        onPointerEnter={preloadBuyDialog}
        onFocus={preloadBuyDialog}
        onClick={() => {
          setBought(null);
          setBuying(offer);
        }}
        aria-label={t('packages.offer.buyLabel', { name: offer.name })}
      >
        {t('packages.offer.buy')}
      </Button>
    );
  };

  return (
    <section
      id="packages"
      className="panel coach-packages"
      aria-labelledby="coach-packages-heading"
      data-testid="coach-packages"
    >
      <h2 id="coach-packages-heading">{t('packages.offer.heading')}</h2>
      {cancelled && (
        <div
          className="notice notice--pending coach-packages__notice"
          data-testid="package-checkout-cancelled"
        >
          <p>{t('packages.offer.cancelled')}</p>
          <Button variant="link" onClick={dismissCancelled}>
            {t('packages.offer.dismiss')}
          </Button>
        </div>
      )}
      <div role="status" className="coach-packages__status">
        {bought && (
          <div className="notice" data-testid="package-bought">
            <p>
              {t('packages.bought.manual', {
                count: bought.remaining,
                name: coach.firstName,
                date: formatExpiry(expiryOf(bought), format),
              })}
            </p>
            <p>
              <Link to={paths.app.packages.getHref()}>{t('packages.bought.seeCredits')}</Link>
            </p>
          </div>
        )}
      </div>
      {packages.isError && (
        <div role="alert">
          <p>
            {t('packages.offer.loadFailed')} {errorMessage(packages.error)}
          </p>
          <Button variant="secondary" onClick={() => void packages.refetch()}>
            {t('packages.offer.retry')}
          </Button>
        </div>
      )}
      {offers.length > 0 && (
        <>
          <p className="coach-packages__lead">{t('packages.offer.lead')}</p>
          <ul
            className="package-list"
            aria-label={t('packages.offer.listLabel', { name: fullName })}
          >
            {offers.map((offer) => (
              <li key={offer.packageId}>
                <PackageOfferCard
                  offer={offer}
                  sessionTypes={coach.sessionTypes}
                  action={actionFor(offer)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {buying && (
        <Suspense fallback={null}>
          <BuyPackageDialog
            offer={buying}
            coachName={fullName}
            onClose={() => setBuying(null)}
            onBought={(purchase) => {
              setBuying(null);
              setBought(purchase);
            }}
          />
        </Suspense>
      )}
    </section>
  );
};
