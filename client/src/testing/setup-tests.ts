import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

import { notificationsStore } from '@/components/notifications/notifications-store';
import { accessToken } from '@/lib/access-token';
import { i18n } from '@/lib/i18n/i18n';
import { restoreRealApi } from '@/testing/fake-api';

// Pages are lazy routes: the first visit to one compiles its module on demand, which takes more
// than Testing Library's default second on a busy CI machine.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

afterEach(() => {
  // Globals are not enabled, so Testing Library cannot register its own cleanup.
  cleanup();
  restoreRealApi();
  accessToken.clear();
  notificationsStore.clear();
  window.localStorage.clear();
});
