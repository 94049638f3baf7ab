import { useSearchParams } from 'react-router-dom';

import { safeRedirectTarget } from '@/config/paths';

/** Where to send the user after signing in: the page they were stopped at, if it is ours. */
export const useRedirectTarget = (): string | null => {
  const [searchParams] = useSearchParams();
  return safeRedirectTarget(searchParams.get('redirectTo'));
};
