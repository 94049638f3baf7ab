import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useCreateSessionType } from '../../api/create-session-type';
import { useSessionTypes } from '../../api/get-session-types';
import { SessionTypeForm } from './session-type-form';
import { EMPTY_SESSION_TYPE } from './session-type-values';
import { SessionTypeItem } from './session-type-item';
import '../list/status-badge.css';
import './session-types.css';

/** The coach's session types: listed with their actions, and a form to add one. */
export const SessionTypesManager = ({ coachId }: { coachId: string }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const sessionTypes = useSessionTypes(coachId);
  const create = useCreateSessionType(coachId);
  const [adding, setAdding] = useState(false);

  return (
    <div className="session-types">
      {sessionTypes.isPending && <p role="status">{t('practice.loading')}</p>}
      {sessionTypes.isError && (
        <div role="alert">
          <p>{errorMessage(sessionTypes.error)}</p>
          <Button variant="secondary" onClick={() => void sessionTypes.refetch()}>
            {t('booking.retry')}
          </Button>
        </div>
      )}
      {sessionTypes.data?.length === 0 && (
        <p className="notice" data-testid="no-session-types">
          {t('practice.sessionTypes.empty')}
        </p>
      )}
      {sessionTypes.data && sessionTypes.data.length > 0 && (
        <ul className="session-type-list" aria-label={t('practice.sessionTypes.listLabel')}>
          {sessionTypes.data.map((type) => (
            <SessionTypeItem key={type._id} type={type} coachId={coachId} />
          ))}
        </ul>
      )}
      {adding ? (
        <section className="panel session-types__new" aria-labelledby="new-session-type-heading">
          <h3 id="new-session-type-heading">{t('practice.sessionTypes.newHeading')}</h3>
          <SessionTypeForm
            label={t('practice.sessionTypes.newHeading')}
            initialValues={EMPTY_SESSION_TYPE}
            submitLabel={t('practice.sessionTypes.create')}
            submission={create}
            onCancel={() => setAdding(false)}
            onSubmit={(request, { reset, focusFirstProblem }) =>
              create.mutate(request, {
                onSuccess: () => {
                  notify('success', 'practice.sessionTypes.created');
                  reset();
                  setAdding(false);
                },
                onError: focusFirstProblem,
              })
            }
          />
        </section>
      ) : (
        <div>
          <Button onClick={() => setAdding(true)}>{t('practice.sessionTypes.add')}</Button>
        </div>
      )}
    </div>
  );
};
