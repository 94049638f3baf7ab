import { NOTIFICATION_TYPES } from '@coachhub/shared/notification';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { twoFactorSetup } from '@/lib/two-factor-setup';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

afterEach(() => {
  twoFactorSetup.clear();
});

const heldBack = () => apiErrorReply(403, 'TWO_FACTOR_REQUIRED');

describe('an admin held back until two-factor sign-in is on', () => {
  it('is taken to the security settings, which say why; turning it on frees the app again', async () => {
    let enabled = false;
    const gate = (reply: () => { status: number; data?: unknown }) => () =>
      enabled ? reply() : heldBack();
    installFakeApi({
      'GET /admin/stats': gate(() => ({ status: 200, data: {} })),
      'GET /users/me/notification-preferences': gate(() => ({
        status: 200,
        data: { email: Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, true])) },
      })),
      'GET /auth/sessions': gate(() => ({ status: 200, data: [] })),
      'GET /auth/two-factor': gate(() => ({
        status: 200,
        data: { enabled: true, recoveryCodesLeft: 10, mandatory: true },
      })),
      'POST /auth/two-factor/setup': () => ({
        status: 200,
        data: {
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
          otpauthUrl: 'otpauth://totp/CoachHub:root%40example.com?secret=JBSWY3DP',
          qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
        },
      }),
      'POST /auth/two-factor/enable': () => {
        enabled = true;
        return { status: 200, data: { recoveryCodes: ['abcde-fghjk'] } };
      },
      'POST /auth/refresh': () => ({ status: 200, data: { accessToken: 'fresh-token' } }),
      'GET /users/me': () => ({
        status: 200,
        data: makeUser({ role: 'admin', twoFactorEnabled: enabled }),
      }),
    });
    const { user, router } = renderApp({ url: '/admin', user: makeUser({ role: 'admin' }) });

    await waitFor(() => expect(router.state.location.pathname).toBe('/account'));
    expect(router.state.location.hash).toBe('#security');
    const section = await screen.findByRole('region', { name: 'Security' });
    expect(within(section).getByTestId('two-factor-required')).toHaveTextContent(
      'Admin accounts need two-factor sign-in. Turn it on below; until then the rest of CoachHub stays closed to this account.',
    );
    expect(
      within(section).getByText('Your sessions are listed here once two-factor sign-in is on.'),
    ).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Turn on two-factor sign-in' }));
    const form = await within(section).findByRole('form', { name: 'Confirm two-factor sign-in' });
    await user.type(within(form).getByLabelText('6-digit code'), '123456');
    await user.click(within(form).getByRole('button', { name: 'Turn on' }));

    expect(await within(section).findByRole('list', { name: 'Recovery codes' })).toBeVisible();
    expect(within(section).queryByTestId('two-factor-required')).not.toBeInTheDocument();
    expect(twoFactorSetup.isRequired()).toBe(false);
    await user.click(within(section).getByRole('button', { name: 'I have saved my codes' }));
    expect(await within(section).findByText(/Admin accounts must keep it on\./)).toBeVisible();

    // The admin area opens now.
    await router.navigate('/admin');
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin'));
  });
});
