import type { SessionTypeDTO } from '@coachhub/shared/booking';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { notify } from '@/components/notifications/notifications-store';
import { Button } from '@/components/ui/button';
import { toApiError } from '@/lib/api-error';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { formatMoney } from '@/lib/money';

import { useDeleteSessionType } from '../../api/delete-session-type';
import { useUpdateSessionType } from '../../api/update-session-type';
import { SessionTypeForm } from './session-type-form';
import { toSessionTypeValues } from './session-type-values';

type Mode = 'view' | 'edit' | 'confirmDelete';

/** One session type: its facts, and edit, (de)activate and delete. */
export const SessionTypeItem = ({ type, coachId }: { type: SessionTypeDTO; coachId: string }) => {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [mode, setMode] = useState<Mode>('view');
  const update = useUpdateSessionType(coachId);
  const remove = useDeleteSessionType(coachId);

  if (mode === 'edit') {
    return (
      <li className="session-type" data-testid="session-type">
        <SessionTypeForm
          label={t('practice.sessionTypes.editLabel', { title: type.title })}
          initialValues={toSessionTypeValues(type)}
          submitLabel={t('practice.sessionTypes.save')}
          submission={update}
          onCancel={() => setMode('view')}
          onSubmit={(changes, { focusFirstProblem }) =>
            update.mutate(
              { id: type._id, changes },
              {
                onSuccess: () => {
                  notify('success', 'practice.sessionTypes.saved');
                  setMode('view');
                },
                onError: focusFirstProblem,
              },
            )
          }
        />
      </li>
    );
  }

  const toggle = () =>
    update.mutate(
      { id: type._id, changes: { active: !type.active } },
      { onError: (error) => notify('error', `errors.${toApiError(error).code}`) },
    );

  return (
    <li className="session-type" data-testid="session-type" data-active={type.active}>
      <div className="session-type__facts">
        <h3 className="session-type__title">
          {type.title}{' '}
          <span className={`status-badge status-badge--${type.active ? 'confirmed' : 'cancelled'}`}>
            {t(type.active ? 'practice.sessionTypes.active' : 'practice.sessionTypes.inactive')}
          </span>
        </h3>
        <p className="session-type__meta">
          {t('booking.minutes', { count: type.durationMinutes })} ·{' '}
          {t(`booking.modes.${type.mode}`)} ·{' '}
          {type.price ? formatMoney(type.price, i18n.language) : t('booking.priceOnRequest')}
        </p>
        {type.description && <p className="session-type__description">{type.description}</p>}
      </div>
      {mode === 'confirmDelete' ? (
        <div
          className="session-type__confirm"
          role="group"
          aria-label={t('practice.sessionTypes.deleteLabel', { title: type.title })}
        >
          <p>{t('practice.sessionTypes.deleteQuestion', { title: type.title })}</p>
          <FormAlert message={remove.error ? errorMessage(remove.error) : null} />
          <div className="form__actions">
            <Button
              onClick={() =>
                remove.mutate(type._id, {
                  onSuccess: () => notify('success', 'practice.sessionTypes.deleted'),
                })
              }
              isBusy={remove.isPending}
              busyLabel={t('practice.saving')}
            >
              {t('practice.sessionTypes.confirmDelete')}
            </Button>
            <Button variant="ghost" onClick={() => setMode('view')}>
              {t('practice.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div
          className="session-type__actions"
          role="group"
          aria-label={t('practice.sessionTypes.actionsLabel', { title: type.title })}
        >
          <Button variant="secondary" onClick={() => setMode('edit')}>
            {t('practice.sessionTypes.edit')}
          </Button>
          <Button variant="secondary" onClick={toggle} isBusy={update.isPending}>
            {t(type.active ? 'practice.sessionTypes.deactivate' : 'practice.sessionTypes.activate')}
          </Button>
          <Button variant="ghost" onClick={() => setMode('confirmDelete')}>
            {t('practice.sessionTypes.delete')}
          </Button>
        </div>
      )}
    </li>
  );
};
