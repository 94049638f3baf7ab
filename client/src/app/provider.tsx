import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';

import { createQueryClient } from './query-client';
import { useSocketSession } from './session/use-socket-session';

const SocketSession = () => {
  useSocketSession();
  return null;
};

export const AppProvider = ({ children }: { children: ReactNode }) => {
  // One client for the app's lifetime (a module-level one would leak between tests).
  const [queryClient] = useState(createQueryClient);

  return (
    <QueryClientProvider client={queryClient}>
      <SocketSession />
      {children}
    </QueryClientProvider>
  );
};
