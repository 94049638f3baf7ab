import { afterEach } from 'vitest';

import { installFakeApi } from '@/testing/fake-api';
import type { FakeRoutes } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';

/** The admin pages' tests: one fake API per test, put back afterwards. */
export const withFakeAdminApi = () => {
  let api: ReturnType<typeof installFakeApi> | undefined;
  afterEach(() => api?.restore());
  return (routes: FakeRoutes) => {
    api = installFakeApi(routes);
    return api;
  };
};

export const adminUser = makeUser({ _id: 'admin-1', role: 'admin', firstName: 'Ada' });
