import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormFrame } from '@/components/form/form-frame';
import { TextField } from '@/components/form/text-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { useTwoFactorLogin } from '@/lib/auth/login';
import { checkRecoveryCode, checkTotpCode, normaliseCode } from '@/lib/two-factor-code';

interface TwoFactorLoginFormProps {
  challengeToken: string;
  /** Back to the password step (also the way out of an expired challenge). */
  onStartOver: () => void;
}

/**
 * The second step of signing in: the code from the authenticator app (the phone's keyboard
 * offers digits and the code the system received), or one of the recovery codes.
 */
export const TwoFactorLoginForm = ({ challengeToken, onStartOver }: TwoFactorLoginFormProps) => {
  const { t } = useTranslation();
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const verify = useTwoFactorLogin();
  const form = useFormState({
    initialValues: { code: '' },
    validate: ({ code }) => ({
      code: withRecoveryCode ? checkRecoveryCode(code) : checkTotpCode(code),
    }),
    submission: verify,
    fieldForCode: { INVALID_TWO_FACTOR_CODE: 'code' },
    onValid: ({ code }, { focusFirstProblem }) =>
      verify.mutate({ challengeToken, code: normaliseCode(code) }, { onError: focusFirstProblem }),
  });
  const expired = verify.isError && form.formError?.code === 'TWO_FACTOR_CHALLENGE_INVALID';

  const switchKind = () => {
    setWithRecoveryCode((current) => !current);
    form.setValue('code', '');
  };

  return (
    <FormFrame form={form} aria-label={t('auth.twoFactor.title')} data-testid="two-factor-form">
      <p className="auth-card__subtitle">
        {t(withRecoveryCode ? 'auth.twoFactor.introRecovery' : 'auth.twoFactor.intro')}
      </p>
      {withRecoveryCode ? (
        <TextField
          key="recovery"
          label={t('auth.twoFactor.recoveryCode')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          {...form.field('code')}
        />
      ) : (
        <TextField
          key="totp"
          label={t('auth.twoFactor.code')}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          // The step replaces the password form: the code is what to type next.
          autoFocus
          {...form.field('code')}
        />
      )}
      {!expired && (
        <Button type="submit" isBusy={verify.isPending} busyLabel={t('auth.twoFactor.submitting')}>
          {t('auth.twoFactor.submit')}
        </Button>
      )}
      <div className="two-factor-login__ways">
        <Button variant="link" onClick={switchKind}>
          {t(
            withRecoveryCode ? 'auth.twoFactor.useAuthenticator' : 'auth.twoFactor.useRecoveryCode',
          )}
        </Button>
        <Button variant={expired ? 'primary' : 'link'} onClick={onStartOver}>
          {t('auth.twoFactor.startOver')}
        </Button>
      </div>
    </FormFrame>
  );
};
