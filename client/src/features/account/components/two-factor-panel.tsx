import type { UserDTO } from '@coachhub/shared/user';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { Button } from '@/components/ui/button';
import { useErrorMessage } from '@/lib/i18n/use-error-message';

import { useDisableTwoFactor } from '../api/disable-two-factor';
import { useTwoFactorStatus } from '../api/get-two-factor-status';
import { useRenewRecoveryCodes } from '../api/renew-recovery-codes';
import { useSetUpTwoFactor } from '../api/set-up-two-factor';
import { CodeConfirmDialog } from './code-confirm-dialog';
import { RecoveryCodes } from './recovery-codes';
import { TwoFactorSetup } from './two-factor-setup';

type Asking = 'turnOff' | 'renew' | null;

/** Two-factor sign-in: turn it on (QR code, then a code), see its state, renew codes, turn it off. */
export const TwoFactorPanel = ({ user }: { user: UserDTO }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const setUp = useSetUpTwoFactor();
  const status = useTwoFactorStatus(user.twoFactorEnabled);
  const disable = useDisableTwoFactor();
  const renew = useRenewRecoveryCodes();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [asking, setAsking] = useState<Asking>(null);
  const [turnedOff, setTurnedOff] = useState(false);

  const closeDialog = () => {
    setAsking(null);
    disable.reset();
    renew.reset();
  };

  const body = () => {
    if (recoveryCodes) {
      return (
        <RecoveryCodes
          codes={recoveryCodes}
          email={user.email}
          onDone={() => setRecoveryCodes(null)}
        />
      );
    }
    if (!user.twoFactorEnabled) {
      if (setUp.data) {
        return (
          <TwoFactorSetup
            key={setUp.data.secret}
            setup={setUp.data}
            onEnabled={(codes) => {
              setRecoveryCodes(codes);
              setUp.reset();
            }}
            onCancel={() => setUp.reset()}
          />
        );
      }
      return (
        <>
          <p data-testid="two-factor-state" data-state="off">
            {t(
              turnedOff ? 'account.security.twoFactor.turnedOff' : 'account.security.twoFactor.off',
            )}
          </p>
          <FormAlert message={setUp.isError ? errorMessage(setUp.error) : null} />
          <div className="security__actions">
            <Button
              onClick={() => {
                setTurnedOff(false);
                setUp.mutate();
              }}
              isBusy={setUp.isPending}
              busyLabel={t('account.security.twoFactor.starting')}
            >
              {t('account.security.twoFactor.turnOn')}
            </Button>
          </div>
        </>
      );
    }
    return (
      <>
        <p data-testid="two-factor-state" data-state="on">
          {t('account.security.twoFactor.on')}{' '}
          {status.data &&
            t('account.security.twoFactor.codesLeft', {
              count: status.data.recoveryCodesLeft,
            })}{' '}
          {status.data?.mandatory && t('account.security.twoFactor.mandatory')}
        </p>
        {status.isError && (
          <div role="alert" className="security__load-error">
            <p>
              {t('account.security.twoFactor.loadFailed')} {errorMessage(status.error)}
            </p>
            <Button variant="secondary" onClick={() => void status.refetch()}>
              {t('account.security.twoFactor.retry')}
            </Button>
          </div>
        )}
        <div className="security__actions">
          <Button variant="secondary" onClick={() => setAsking('renew')}>
            {t('account.security.twoFactor.renew')}
          </Button>
          {status.data && !status.data.mandatory && (
            <Button variant="secondary" onClick={() => setAsking('turnOff')}>
              {t('account.security.twoFactor.turnOff')}
            </Button>
          )}
        </div>
      </>
    );
  };

  return (
    <div className="security__part" aria-labelledby="two-factor-heading" role="group">
      <h3 id="two-factor-heading">{t('account.security.twoFactor.heading')}</h3>
      <p className="panel__intro">{t('account.security.twoFactor.intro')}</p>
      {body()}
      {asking === 'turnOff' && (
        <CodeConfirmDialog
          title={t('account.security.twoFactor.turnOffTitle')}
          description={t('account.security.twoFactor.turnOffText')}
          confirmLabel={t('account.security.twoFactor.turnOffConfirm')}
          submission={disable}
          onCancel={closeDialog}
          onCode={(code) =>
            disable.mutate(
              { code },
              {
                onSuccess: () => {
                  setAsking(null);
                  setTurnedOff(true);
                },
              },
            )
          }
        />
      )}
      {asking === 'renew' && (
        <CodeConfirmDialog
          title={t('account.security.twoFactor.renewTitle')}
          description={t('account.security.twoFactor.renewText')}
          confirmLabel={t('account.security.twoFactor.renewConfirm')}
          submission={renew}
          onCancel={closeDialog}
          onCode={(code) =>
            renew.mutate(
              { code },
              {
                onSuccess: (codes) => {
                  setAsking(null);
                  setRecoveryCodes(codes);
                },
              },
            )
          }
        />
      )}
    </div>
  );
};
