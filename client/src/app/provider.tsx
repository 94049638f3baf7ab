import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';

import { HydrateLater } from '@/components/ui/hydrate-later';
import { RenderedMinuteProvider } from '@/lib/use-current-minute';

import { createQueryClient } from './query-client';
import { useSocketSession } from './session/use-socket-session';

const SocketSession = () => {
  useSocketSession();
  return null;
};

interface AppProviderProps {
  children: ReactNode;
  /** The server render's own client (entry-server.tsx), or the one main.tsx hydrates. */
  queryClient?: QueryClient;
  /** The minute a server-rendered page was drawn at, for its clocks (lib/use-current-minute.ts). */
  renderedMinute?: number | undefined;
}

export const AppProvider = ({ children, queryClient: given, renderedMinute }: AppProviderProps) => {
  // One client for the app's lifetime (a module-level one would leak between tests).
  const [queryClient] = useState(() => given ?? createQueryClient());

  return (
    <QueryClientProvider client={queryClient}>
      <RenderedMinuteProvider value={renderedMinute ?? null}>
        <SocketSession />
        {/* The server render has the same boundary (entry-server.tsx), so the page hydrates in slices. */}
        <HydrateLater>{children}</HydrateLater>
      </RenderedMinuteProvider>
    </QueryClientProvider>
  );
};
