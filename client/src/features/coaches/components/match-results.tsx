import type { CoachMatchRequest, CoachMatchResponse } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { paths } from '@/config/paths';

import { CoachPrice } from './coach-price';
import { MatchFactorList } from './match-factor-list';

interface MatchResultsProps {
  matches: CoachMatchResponse;
  request: CoachMatchRequest;
}

/** The ranked coaches, best first, each with its score and the reasons for it. */
export const MatchResults = ({ matches, request }: MatchResultsProps) => {
  const { t, i18n } = useTranslation();
  if (matches.length === 0) {
    return (
      <p className="directory-message" data-testid="match-empty">
        {t('coaches.match.noResults')}
      </p>
    );
  }

  return (
    <ol className="match-list" data-testid="match-results">
      {matches.map((match) => {
        const { coach } = match;
        const name = `${coach.firstName} ${coach.lastName}`;
        const score = Math.round(match.score).toLocaleString(i18n.language);
        return (
          <li key={coach._id} className="panel match-card" data-testid="match-card">
            <div className="match-card__head">
              <CoachAvatar coach={coach} size="lg" decorative />
              <div className="match-card__identity">
                <h3 className="match-card__name">{name}</h3>
                <p className="match-card__headline">{coach.headline}</p>
                <CoachPrice priceFrom={coach.priceFrom} />
              </div>
              <p className="match-card__score" data-testid="match-score">
                {t('coaches.match.score', { score })}
              </p>
            </div>
            <h4 className="match-card__why">{t('coaches.match.why')}</h4>
            <MatchFactorList match={match} request={request} />
            <Link to={paths.app.coach.getHref(coach._id)}>
              {t('coaches.match.viewProfile', { name })}
            </Link>
          </li>
        );
      })}
    </ol>
  );
};
