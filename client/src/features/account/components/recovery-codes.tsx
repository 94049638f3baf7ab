import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

interface RecoveryCodesProps {
  codes: readonly string[];
  email: string;
  onDone: () => void;
}

const FILE_NAME = 'coachhub-recovery-codes.txt';

/** The recovery codes, shown once: to copy, download or write down before moving on. */
export const RecoveryCodes = ({ codes, email, onDone }: RecoveryCodesProps) => {
  const { t } = useTranslation();
  const headingId = useId();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const text = [
    t('account.security.twoFactor.fileTitle', { email }),
    t('account.security.twoFactor.fileNote'),
    '',
    ...codes,
    '',
  ].join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = FILE_NAME;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="recovery-codes" role="region" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('account.security.twoFactor.recoveryHeading')}</h4>
      <p className="panel__intro">{t('account.security.twoFactor.recoveryIntro')}</p>
      <ul
        className="recovery-codes__list"
        aria-label={t('account.security.twoFactor.recoveryList')}
      >
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="security__actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t('account.security.twoFactor.copy')}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t('account.security.twoFactor.download')}
        </Button>
        <Button onClick={onDone}>{t('account.security.twoFactor.saved')}</Button>
      </div>
      <p role="status" className="field__hint">
        {copyState === 'copied' && t('account.security.twoFactor.copied')}
        {copyState === 'failed' && t('account.security.twoFactor.copyFailed')}
      </p>
    </div>
  );
};
