import type { UserDTO } from '@coachhub/shared/user';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

import { useTwoFactorSetupRequired } from '@/lib/two-factor-setup';

import { SessionsPanel } from './sessions-panel';
import { TwoFactorPanel } from './two-factor-panel';
import './security.css';

/** `#security` on the account page: two-factor sign-in and the signed-in devices. */
export const SecuritySection = ({ user }: { user: UserDTO }) => {
  const { t } = useTranslation();
  const heldBack = useTwoFactorSetupRequired() && !user.twoFactorEnabled;
  const { hash } = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opened at #security (e.g. an admin sent here to turn it on): the section is in view and
  // its heading holds the focus, so a screen reader starts here.
  useEffect(() => {
    if (hash !== '#security') return;
    headingRef.current?.scrollIntoView?.({ block: 'start' });
    headingRef.current?.focus();
  }, [hash]);

  return (
    <section
      className="panel security"
      id="security"
      aria-labelledby="security-heading"
      data-testid="security-section"
    >
      <h2 id="security-heading" ref={headingRef} tabIndex={-1}>
        {t('account.security.heading')}
      </h2>
      {heldBack && (
        <p className="form-alert form-alert--error" role="alert" data-testid="two-factor-required">
          {t('account.security.requiredNotice')}
        </p>
      )}
      <TwoFactorPanel user={user} />
      <SessionsPanel heldBack={heldBack} />
    </section>
  );
};
