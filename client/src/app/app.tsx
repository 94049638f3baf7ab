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
}

export const App = ({ router, queryClient, dehydratedState }: AppProps) => (
  <AppProvider queryClient={queryClient}>
    <HydrationBoundary state={dehydratedState}>
      <AppRouter router={router} />
    </HydrationBoundary>
  </AppProvider>
);
