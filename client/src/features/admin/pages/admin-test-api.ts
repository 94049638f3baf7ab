import { installFakeApi } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';

/** The admin pages' tests: one fake API per test (the test setup puts the real one back). */
export const withFakeAdminApi = () => installFakeApi;

export const adminUser = makeUser({ _id: 'admin-1', role: 'admin', firstName: 'Ada' });
