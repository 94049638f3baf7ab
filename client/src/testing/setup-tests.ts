import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

import { notificationsStore } from '@/components/notifications/notifications-store';
import { accessToken } from '@/lib/access-token';
import { i18n } from '@/lib/i18n/i18n';

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

afterEach(() => {
  // Globals are not enabled, so Testing Library cannot register its own cleanup.
  cleanup();
  accessToken.clear();
  notificationsStore.clear();
  window.localStorage.clear();
});
