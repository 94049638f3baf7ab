import { useEffect } from 'react';

import { socket } from '@/lib/socket';
import { startSocketSession } from '@/lib/socket-session';

/** Ties the one socket to the session for as long as the app is mounted. */
export const useSocketSession = (): void => {
  useEffect(() => startSocketSession(socket), []);
};
