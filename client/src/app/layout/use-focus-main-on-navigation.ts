import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * A single-page app does not reload on navigation, so screen readers would stay on the link
 * just followed. Moving focus to the main region announces the new page and puts the next
 * Tab inside it. The first render is left alone: the browser handles the initial load.
 */
export const useFocusMainOnNavigation = (mainRef: RefObject<HTMLElement | null>): void => {
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname, mainRef]);
};
