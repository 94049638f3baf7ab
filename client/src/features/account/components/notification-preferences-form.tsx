import type { NotificationPreferencesDTO } from '@coachhub/shared/notification';
import type { Role } from '@coachhub/shared/roles';
import { useTranslation } from 'react-i18next';

import { FormActions } from '@/components/form/form-actions';
import { FormAlert } from '@/components/form/form-alert';
import { FormFrame } from '@/components/form/form-frame';
import { SwitchField } from '@/components/form/switch-field';
import { useFormState } from '@/components/form/use-form-state';

import { useUpdateNotificationPreferences } from '../api/update-notification-preferences';
import { preferenceGroupsFor } from './notification-preference-groups';

type EmailPreferences = NotificationPreferencesDTO['email'];

/** Switches cannot be wrong; the server's refusal goes into the form's alert. */
const validate = () => ({});

interface NotificationPreferencesFormProps {
  preferences: NotificationPreferencesDTO;
  role: Role;
}

/**
 * One switch per notification type the user can receive, in groups. Every type is sent on
 * save, the hidden ones as they were: the server replaces the whole set.
 */
export const NotificationPreferencesForm = ({
  preferences,
  role,
}: NotificationPreferencesFormProps) => {
  const { t } = useTranslation();
  const update = useUpdateNotificationPreferences();
  const form = useFormState<EmailPreferences>({
    initialValues: preferences.email,
    validate,
    submission: update,
    // Any edit also clears the last save's success note.
    onEdit: () => !update.isIdle && update.reset(),
    onValid: (email, { focusFirstProblem }) =>
      update.mutate({ email }, { onError: focusFirstProblem }),
  });

  return (
    <FormFrame
      form={form}
      aria-labelledby="email-notifications-heading"
      data-testid="notification-preferences-form"
    >
      <FormAlert
        tone="success"
        message={update.isSuccess ? t('account.emailNotifications.saved') : null}
      />
      {preferenceGroupsFor(role).map(({ group, types }) => (
        <fieldset key={group} className="preference-group">
          <legend className="preference-group__legend">
            {t(`account.emailNotifications.groups.${group}`)}
          </legend>
          {types.map((type) => (
            <SwitchField
              key={type}
              name={type}
              label={t(`account.emailNotifications.types.${type}`)}
              checked={form.values[type]}
              onChange={(event) => form.setValue(type, event.target.checked)}
            />
          ))}
        </fieldset>
      ))}
      <FormActions
        submitLabel={t('account.emailNotifications.save')}
        busyLabel={t('account.emailNotifications.saving')}
        isBusy={update.isPending}
      />
    </FormFrame>
  );
};
