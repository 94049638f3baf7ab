import type { TwoFactorSetupResponse } from '@coachhub/shared/two-factor';
import { useTranslation } from 'react-i18next';

import { FormActions } from '@/components/form/form-actions';
import { FormFrame } from '@/components/form/form-frame';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { checkTotpCode, normaliseCode } from '@/lib/two-factor-code';

import { useEnableTwoFactor } from '../api/enable-two-factor';

interface TwoFactorSetupProps {
  setup: TwoFactorSetupResponse;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/** Groups of four, as authenticator apps accept it typed with or without the spaces. */
const readable = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** Scan (or type) the secret into the app, then prove it with the code the app shows. */
export const TwoFactorSetup = ({ setup, onEnabled, onCancel }: TwoFactorSetupProps) => {
  const { t } = useTranslation();
  const enable = useEnableTwoFactor();
  const form = useFormState({
    initialValues: { code: '' },
    validate: ({ code }) => ({ code: checkTotpCode(code) }),
    submission: enable,
    fieldForCode: { INVALID_TWO_FACTOR_CODE: 'code' },
    onValid: ({ code }, { focusFirstProblem }) =>
      enable.mutate(
        { code: normaliseCode(code) },
        { onSuccess: onEnabled, onError: focusFirstProblem },
      ),
  });

  return (
    <div className="two-factor-setup">
      <p>{t('account.security.twoFactor.scan')}</p>
      <img
        className="two-factor-setup__qr"
        src={setup.qrCodeDataUrl}
        alt={t('account.security.twoFactor.qrAlt')}
        width={200}
        height={200}
      />
      <p className="field__hint">{t('account.security.twoFactor.manualEntry')}</p>
      <dl className="two-factor-setup__secret">
        <dt>{t('account.security.twoFactor.secretLabel')}</dt>
        <dd>
          <code data-testid="two-factor-secret">{readable(setup.secret)}</code>
        </dd>
      </dl>
      <FormFrame form={form} aria-label={t('account.security.twoFactor.confirmForm')}>
        <TextField
          label={t('account.security.twoFactor.code')}
          hint={t('account.security.twoFactor.codeHint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          {...form.field('code')}
        />
        <FormActions
          submitLabel={t('account.security.twoFactor.confirm')}
          busyLabel={t('account.security.twoFactor.confirming')}
          isBusy={enable.isPending}
        >
          <Button variant="ghost" onClick={onCancel}>
            {t('account.security.twoFactor.cancel')}
          </Button>
        </FormActions>
      </FormFrame>
    </div>
  );
};
