import type { CreditBalance } from '@coachhub/shared/payment';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { buttonClassName } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useFormatContext } from '@/lib/use-format-context';

import { formatExpiry } from './package-format';

interface CreditListProps {
  credits: readonly CreditBalance[];
  /** The coach's name (a link to the profile), from the coaches feature through the route. */
  renderCoach: (coachId: string) => ReactNode;
}

/** Credits per coach, the soonest to lapse first within each. */
const byCoach = (credits: readonly CreditBalance[]): [string, CreditBalance[]][] => {
  const groups = new Map<string, CreditBalance[]>();
  for (const credit of [...credits].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt))) {
    groups.set(credit.coachId, [...(groups.get(credit.coachId) ?? []), credit]);
  }
  return [...groups];
};

const CoachCredits = ({
  coachId,
  credits,
  renderCoach,
}: {
  coachId: string;
  credits: CreditBalance[];
  renderCoach: CreditListProps['renderCoach'];
}) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const headingId = useId();
  return (
    <article className="credit" aria-labelledby={headingId} data-testid="coach-credits">
      <h3 id={headingId}>{renderCoach(coachId)}</h3>
      {credits.map((credit) => (
        <div
          key={credit.purchaseId ?? `${credit.packageId}|${credit.expiresAt}`}
          data-testid="credit"
        >
          {credit.packageName && <p>{credit.packageName}</p>}
          <p className="credit__remaining">
            {t('packages.mine.remaining', { count: credit.remaining })}
            {credit.sessions !== undefined && (
              <> {t('packages.mine.of', { count: credit.sessions })}</>
            )}
          </p>
          <p className="credit__expiry">
            {t('packages.mine.expires', { date: formatExpiry(credit.expiresAt, format) })}
          </p>
        </div>
      ))}
      <p>
        <Link
          className={buttonClassName('secondary')}
          to={paths.app.coachBooking.getHref(coachId)}
          aria-describedby={headingId}
        >
          {t('packages.mine.book')}
        </Link>
      </p>
    </article>
  );
};

/** What a client can still book with their packages, coach by coach. */
export const CreditList = ({ credits, renderCoach }: CreditListProps) => {
  const { t } = useTranslation();
  return (
    <ul className="credit-list" aria-label={t('packages.mine.creditsLabel')}>
      {byCoach(credits).map(([coachId, coachCredits]) => (
        <li key={coachId}>
          <CoachCredits coachId={coachId} credits={coachCredits} renderCoach={renderCoach} />
        </li>
      ))}
    </ul>
  );
};
