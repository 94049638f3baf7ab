import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

import { paths } from '@/config/paths';
import { twoFactorSetup } from '@/lib/two-factor-setup';

/**
 * An admin held back until two-factor sign-in is on (the server answered 403
 * `TWO_FACTOR_REQUIRED`) is taken to the security settings, which say why and how.
 */
export const useTwoFactorSetupGuide = (): void => {
  const navigate = useNavigate();
  const { pathname } = useLocation();

  useEffect(() => {
    const guide = () => {
      if (!twoFactorSetup.isRequired() || pathname === paths.app.account.path) return;
      void navigate(paths.app.account.securityHref(), { replace: true });
    };
    guide();
    return twoFactorSetup.subscribe(guide);
  }, [navigate, pathname]);
};
