import type { SessionDTO } from '@coachhub/shared/sessions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { useErrorMessage } from '@/lib/i18n/use-error-message';
import { useFormatContext } from '@/lib/use-format-context';

import { useSessions } from '../api/get-sessions';
import { useRevokeOtherSessions } from '../api/revoke-other-sessions';
import { useRevokeSession } from '../api/revoke-session';
import { useDeviceNames } from './device-name';
import type { DeviceName } from './device-name';

type Asking = { kind: 'one'; session: SessionDTO; device: string } | { kind: 'others' } | null;

const DATE_STYLE = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** Where the account is signed in; any other session can be ended, one or all at once. */
export const SessionsPanel = ({ heldBack }: { heldBack: boolean }) => {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const context = useFormatContext();
  const sessions = useSessions();
  const deviceNames = useDeviceNames();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const [asking, setAsking] = useState<Asking>(null);
  const [done, setDone] = useState<string | null>(null);

  const deviceLabel = (userAgent: string | null): string => {
    if (!deviceNames) return userAgent ?? t('account.security.sessions.unknownDevice');
    const { browser, os }: DeviceName = deviceNames(userAgent);
    if (browser && os) return t('account.security.sessions.device', { browser, os });
    return browser ?? os ?? t('account.security.sessions.unknownDevice');
  };
  const ipOf = (session: SessionDTO) =>
    session.ip
      ? t('account.security.sessions.ip', { ip: session.ip })
      : t('account.security.sessions.unknownIp');

  const list = () => {
    if (
      heldBack ||
      (sessions.isError && toApiError(sessions.error).code === 'TWO_FACTOR_REQUIRED')
    ) {
      return <p>{t('account.security.sessions.heldBack')}</p>;
    }
    if (sessions.isPending) return <p role="status">{t('app.loading')}</p>;
    if (sessions.isError) {
      return (
        <div role="alert" className="security__load-error">
          <p>
            {t('account.security.sessions.loadFailed')} {errorMessage(sessions.error)}
          </p>
          <Button variant="secondary" onClick={() => void sessions.refetch()}>
            {t('account.security.sessions.retry')}
          </Button>
        </div>
      );
    }
    const others = sessions.data.filter((session) => !session.current);
    return (
      <>
        <ul className="session-list" aria-label={t('account.security.sessions.list')}>
          {sessions.data.map((session) => {
            const device = deviceLabel(session.userAgent);
            return (
              <li
                key={session.id}
                className="session-list__item"
                data-testid="session-item"
                data-current={session.current}
              >
                <div className="session-list__text">
                  <p className="session-list__device">
                    {device}
                    {session.current && (
                      <span className="session-list__badge">
                        {t('account.security.sessions.thisDevice')}
                      </span>
                    )}
                  </p>
                  <p className="session-list__meta">
                    <span>{ipOf(session)}</span>
                    <span>
                      {t('account.security.sessions.signedIn', {
                        date: formatDateTime(session.createdAt, context, DATE_STYLE),
                      })}
                    </span>
                    <span>
                      {t('account.security.sessions.lastActive', {
                        date: formatDateTime(session.lastUsedAt, context, DATE_STYLE),
                      })}
                    </span>
                  </p>
                </div>
                {!session.current && (
                  <Button
                    variant="secondary"
                    aria-label={t('account.security.sessions.signOutLabel', {
                      device,
                      ip: session.ip ?? '?',
                    })}
                    onClick={() => setAsking({ kind: 'one', session, device })}
                  >
                    {t('account.security.sessions.signOut')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
        {others.length > 0 ? (
          <div className="security__actions">
            <Button variant="secondary" onClick={() => setAsking({ kind: 'others' })}>
              {t('account.security.sessions.signOutOthers')}
            </Button>
          </div>
        ) : (
          <p className="field__hint">{t('account.security.sessions.onlyThisOne')}</p>
        )}
      </>
    );
  };

  const failure = asking?.kind === 'one' ? revoke.error : revokeOthers.error;
  const closeDialog = () => {
    setAsking(null);
    revoke.reset();
    revokeOthers.reset();
  };

  return (
    <div className="security__part" role="group" aria-labelledby="sessions-heading">
      <h3 id="sessions-heading">{t('account.security.sessions.heading')}</h3>
      <p className="panel__intro">{t('account.security.sessions.intro')}</p>
      {list()}
      <p role="status" className="security__done">
        {done}
      </p>
      {asking && (
        <ConfirmDialog
          title={
            asking.kind === 'one'
              ? t('account.security.sessions.signOutTitle', { device: asking.device })
              : t('account.security.sessions.signOutOthersTitle')
          }
          description={t(
            asking.kind === 'one'
              ? 'account.security.sessions.signOutText'
              : 'account.security.sessions.signOutOthersText',
          )}
          confirmLabel={t(
            asking.kind === 'one'
              ? 'account.security.sessions.signOut'
              : 'account.security.sessions.signOutOthers',
          )}
          cancelLabel={t('account.security.sessions.keep')}
          isBusy={revoke.isPending || revokeOthers.isPending}
          onCancel={closeDialog}
          onConfirm={() => {
            setDone(null);
            if (asking.kind === 'one') {
              revoke.mutate(asking.session.id, {
                onSuccess: () => {
                  setAsking(null);
                  setDone(t('account.security.sessions.signedOut'));
                },
              });
            } else {
              revokeOthers.mutate(undefined, {
                onSuccess: ({ revoked }) => {
                  setAsking(null);
                  setDone(t('account.security.sessions.signedOutOthers', { count: revoked }));
                },
              });
            }
          }}
        >
          {failure && (
            <p role="alert" className="form-alert form-alert--error">
              {errorMessage(failure)}
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
};
