import { HydrationBoundary } from '@tanstack/react-query';
import type { DehydratedState, QueryClient } from '@tanstack/react-query';
import type { ComponentProps } from 'react';

import { AppProvider } from './provider';
import { AppRouter } from './router';

interface AppProps {
  router: ComponentProps<typeof AppRouter>['router'];
  queryClient?: QueryClient;
  /** The queries a server-rendered page showed (lib/page-state.ts). */
  dehydratedState?: DehydratedState;
  /** The minute a server-rendered page was drawn at (lib/page-state.ts). */
  renderedMinute?: number | undefined;
}

export const App = ({ router, queryClient, dehydratedState, renderedMinute }: AppProps) => (
  <AppProvider queryClient={queryClient} renderedMinute={renderedMinute}>
    <HydrationBoundary state={dehydratedState}>
      <AppRouter router={router} />
    </HydrationBoundary>
  </AppProvider>
);
