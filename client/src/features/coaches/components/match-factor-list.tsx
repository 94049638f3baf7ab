import { COACH_MATCH_WEIGHTS } from '@coachhub/shared/coach';
import type { CoachMatch, CoachMatchRequest } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';

import { MATCH_FACTORS, explainFactor, factorShare } from './match-explanation';

interface MatchFactorListProps {
  match: CoachMatch;
  request: CoachMatchRequest;
}

/** Each factor: its name, a bar of how much of its maximum it reached, the points, and why. */
export const MatchFactorList = ({ match, request }: MatchFactorListProps) => {
  const { t, i18n } = useTranslation();
  const points = (value: number) =>
    value.toLocaleString(i18n.language, { maximumFractionDigits: 1 });

  return (
    <dl className="match-factors" data-testid="match-factors">
      {MATCH_FACTORS.map((factor) => {
        const explanation = explainFactor(factor, match, request, i18n.language);
        const share = factorShare(match, factor);
        return (
          <div key={factor} className="match-factor" data-testid={`match-factor-${factor}`}>
            <dt className="match-factor__name">{t(`coaches.match.factors.${factor}`)}</dt>
            <dd className="match-factor__detail">
              {/* The bar repeats the points below for sighted readers; the text carries it for all. */}
              <span className="match-factor__bar" aria-hidden="true">
                <span
                  className="match-factor__fill"
                  style={{ inlineSize: `${Math.round(share * 100)}%` }}
                  data-share={share.toFixed(2)}
                />
              </span>
              <span className="match-factor__points">
                {t('coaches.match.points', {
                  points: points(match.factors[factor]),
                  max: COACH_MATCH_WEIGHTS[factor],
                })}
              </span>
              <span className="match-factor__why">{t(explanation.key, explanation.values)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
};
