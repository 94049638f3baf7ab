import type { SessionTypeDTO } from '@coachhub/shared/booking';
import type { CoachPackageOffer } from '@coachhub/shared/payment';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { formatMoney } from '@/lib/money';
import { useFormatContext } from '@/lib/use-format-context';

interface PackageOfferCardProps {
  offer: CoachPackageOffer;
  /** The coach's session types, to name those a limited package covers. */
  sessionTypes: readonly Pick<SessionTypeDTO, '_id' | 'title'>[];
  /** Buy, or sign in to buy; nothing for the coach themself. */
  action: ReactNode;
}

/** One package as a client weighs it: sessions, price and per session, validity, what it covers. */
export const PackageOfferCard = ({ offer, sessionTypes, action }: PackageOfferCardProps) => {
  const { t } = useTranslation();
  const { locale } = useFormatContext();
  const headingId = useId();
  const money = (amount: number) => formatMoney({ amount, currency: offer.currency }, locale);
  const limited = (offer.sessionTypeIds ?? []).length > 0;
  const coveredTypes = (offer.sessionTypeIds ?? [])
    .map((id) => sessionTypes.find((type) => type._id === id)?.title)
    .filter((title): title is string => Boolean(title));

  return (
    <article
      className="package-offer"
      aria-labelledby={headingId}
      data-testid="package-offer"
      data-package-id={offer.packageId}
    >
      <h3 id={headingId} className="package-offer__name">
        {offer.name}
      </h3>
      <p className="package-offer__price">
        <span data-testid="package-sessions">
          {t('packages.offer.sessions', { count: offer.sessions })}
        </span>
        <strong data-testid="package-price">{money(offer.price)}</strong>
      </p>
      <ul className="package-offer__facts">
        <li data-testid="package-per-session">
          {t('packages.offer.perSession', {
            price: money(Math.round(offer.price / Math.max(1, offer.sessions))),
          })}
        </li>
        <li>{t('packages.offer.validFor', { count: offer.validityDays })}</li>
        {/* A limited package whose session types are no longer offered names none. */}
        {(!limited || coveredTypes.length > 0) && (
          <li data-testid="package-session-types">
            {limited
              ? t('packages.offer.sessionTypes', { types: coveredTypes.join(', ') })
              : t('packages.offer.allSessionTypes')}
          </li>
        )}
      </ul>
      {action && <div className="package-offer__action">{action}</div>}
    </article>
  );
};
