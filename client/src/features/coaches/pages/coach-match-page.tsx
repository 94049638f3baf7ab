import type { CoachMatchRequest } from '@coachhub/shared/coach';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { PageTitle } from '@/components/ui/page-title';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useCoachMatch } from '../api/match-coaches';
import { MatchForm } from '../components/match-form';
import { MatchResults } from '../components/match-results';
import './coaches.css';

/** "Find my coach": the client's wishes in, ranked coaches with their reasons out. */
export const CoachMatchPage = () => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [request, setRequest] = useState<CoachMatchRequest | null>(null);
  const matches = useCoachMatch(request);

  return (
    <div className="match-page">
      <PageTitle title={t('coaches.match.title')} />
      <header className="page-header">
        <h1>{t('coaches.match.title')}</h1>
        <p className="page-header__lead">{t('coaches.match.lead')}</p>
      </header>
      <section className="panel">
        <MatchForm onSubmit={setRequest} isBusy={matches.isFetching} />
      </section>
      {request && (
        <section
          className="match-page__results"
          aria-labelledby="match-results-heading"
          aria-busy={matches.isFetching || undefined}
        >
          <h2 id="match-results-heading">{t('coaches.match.results')}</h2>
          <FormAlert
            message={
              matches.isError
                ? `${t('coaches.match.loadFailed')} ${errorMessage(matches.error)}`
                : null
            }
          />
          {matches.data && <MatchResults matches={matches.data} request={request} />}
        </section>
      )}
    </div>
  );
};
