import { Suspense } from 'react';
import type { ReactNode } from 'react';

/**
 * Server-rendered markup inside is hydrated after the rest of the page, in short slices between
 * which the browser can paint and answer input: React hydrates a Suspense boundary at low
 * priority, while the page around it is hydrated in one task. A click inside hydrates it at once.
 * Nothing inside suspends, so the fallback is never seen.
 */
export const HydrateLater = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={null}>{children}</Suspense>
);
