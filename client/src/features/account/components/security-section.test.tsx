import type { SessionDTO } from '@coachhub/shared/sessions';
import type { TwoFactorStatusDTO } from '@coachhub/shared/two-factor';
import { NOTIFICATION_TYPES } from '@coachhub/shared/notification';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { i18n } from '@/lib/i18n/i18n';
import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import type { FakeRequest, FakeRoutes } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { renderApp } from '@/testing/render-app';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

const SESSIONS: SessionDTO[] = [
  {
    id: 'session-here',
    current: true,
    userAgent: CHROME_WINDOWS,
    ip: '203.0.113.10',
    createdAt: '2026-03-02T08:00:00.000Z',
    lastUsedAt: '2026-03-02T09:30:00.000Z',
  },
  {
    id: 'session-phone',
    current: false,
    userAgent: SAFARI_IPHONE,
    ip: '198.51.100.4',
    createdAt: '2026-02-20T18:00:00.000Z',
    lastUsedAt: '2026-03-01T21:15:00.000Z',
  },
  {
    id: 'session-laptop',
    current: false,
    userAgent: FIREFOX_LINUX,
    ip: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    lastUsedAt: '2026-01-06T10:00:00.000Z',
  },
];

const CODES = Array.from({ length: 10 }, (_, index) => `abcd${index}-efgh${index}`);

let api: ReturnType<typeof installFakeApi> | undefined;
/** The account page also loads the e-mail settings; the sessions list answers by default. */
const fakeApi = (routes: FakeRoutes) => {
  api = installFakeApi({
    'GET /users/me/notification-preferences': () => ({
      status: 200,
      data: { email: Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, true])) },
    }),
    'GET /auth/sessions': () => ({ status: 200, data: SESSIONS }),
    ...routes,
  });
  return api;
};
afterEach(() => {
  api = undefined;
});

const sent = (requests: FakeRequest[], url: string) =>
  requests.filter((request) => request.url === url && request.method !== 'GET');

const openSecurity = async (user = makeUser()) => {
  const view = renderApp({ url: '/account#security', user });
  const section = await screen.findByRole('region', { name: 'Security' });
  return { ...view, section };
};

/** jsdom's Blob has no text(): read it the older way. */
const textOf = (blob: Blob | undefined) =>
  new Promise<string>((resolve, reject) => {
    if (!blob) return reject(new Error('no file was made'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(blob);
  });

const status = (overrides: Partial<TwoFactorStatusDTO> = {}) => ({
  status: 200,
  data: { enabled: true, recoveryCodesLeft: 10, mandatory: false, ...overrides },
});

describe('turning on two-factor sign-in', () => {
  it('shows the QR code and the key, confirms with a code, then shows the recovery codes once', async () => {
    const { requests } = fakeApi({
      'POST /auth/two-factor/setup': () => ({
        status: 200,
        data: {
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
          otpauthUrl: 'otpauth://totp/CoachHub:ada%40example.com?secret=JBSWY3DP',
          qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
        },
      }),
      'POST /auth/two-factor/enable': (request) =>
        (request.body as { code: string }).code === '654321'
          ? { status: 200, data: { recoveryCodes: CODES } }
          : apiErrorReply(400, 'INVALID_TWO_FACTOR_CODE'),
      'GET /auth/two-factor': () => status(),
    });
    const { user, section } = await openSecurity();

    expect(within(section).getByText('Two-factor sign-in is off.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Turn on two-factor sign-in' }));

    const qr = await within(section).findByRole('img', {
      name: 'QR code for your authenticator app',
    });
    expect(qr).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    expect(within(section).getByTestId('two-factor-secret')).toHaveTextContent(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP',
    );
    const form = within(section).getByRole('form', { name: 'Confirm two-factor sign-in' });
    const code = within(form).getByLabelText('6-digit code');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');

    await user.type(code, '111111');
    await user.click(within(form).getByRole('button', { name: 'Turn on' }));
    expect(
      await within(form).findByText('That code is not correct, or it was already used.'),
    ).toBeInTheDocument();
    await user.clear(code);
    await user.type(code, '654 321');
    await user.click(within(form).getByRole('button', { name: 'Turn on' }));

    const codes = await within(section).findByRole('list', { name: 'Recovery codes' });
    expect(
      within(codes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(CODES);
    expect(sent(requests, '/auth/two-factor/enable').at(-1)?.body).toEqual({ code: '654321' });

    await user.click(within(section).getByRole('button', { name: 'Copy codes' }));
    // user-event's clipboard stands in for the browser's.
    expect(await navigator.clipboard.readText()).toContain(CODES.join('\n'));
    expect(within(section).getByText('The codes are copied.')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'I have saved my codes' }));
    expect(within(section).queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
    expect(await within(section).findByTestId('two-factor-state')).toHaveTextContent(
      'Two-factor sign-in is on. 10 recovery codes left.',
    );
  });

  it('downloads the codes as a text file', async () => {
    fakeApi({
      'POST /auth/two-factor/recovery-codes': () => ({
        status: 200,
        data: { recoveryCodes: CODES },
      }),
      'GET /auth/two-factor': () => status({ recoveryCodesLeft: 3 }),
    });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:codes';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user, section } = await openSecurity(makeUser({ twoFactorEnabled: true }));

    expect(await within(section).findByText(/3 recovery codes left\./)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Make new recovery codes' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Replace your recovery codes?' });
    await user.type(
      within(dialog).getByLabelText('Code from your app or a recovery code'),
      '123456',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Make new codes' }));

    await user.click(await within(section).findByRole('button', { name: 'Download codes' }));
    expect(click).toHaveBeenCalled();
    expect(await textOf(blobs[0])).toContain(CODES[9]);
    click.mockRestore();
  });
});

describe('two-factor sign-in that is on', () => {
  it('turns it off after asking for a code; a wrong code is said in the dialog', async () => {
    const { requests } = fakeApi({
      'GET /auth/two-factor': () => status(),
      'POST /auth/two-factor/disable': (request) =>
        (request.body as { code: string }).code === 'abcd1-efgh1'
          ? { status: 204 }
          : apiErrorReply(400, 'INVALID_TWO_FACTOR_CODE'),
    });
    const { user, section } = await openSecurity(makeUser({ twoFactorEnabled: true }));

    await user.click(
      await within(section).findByRole('button', { name: 'Turn off two-factor sign-in' }),
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Turn off two-factor sign-in?' });
    const code = within(dialog).getByLabelText('Code from your app or a recovery code');
    expect(code).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    expect(code).toHaveAccessibleDescription(
      'Enter a code from your authenticator app or a recovery code.',
    );
    await user.type(code, '000000');
    await user.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    expect(
      await within(dialog).findByText('That code is not correct, or it was already used.'),
    ).toBeInTheDocument();

    await user.clear(code);
    await user.type(code, 'abcd1-efgh1');
    await user.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(within(section).getByTestId('two-factor-state')).toHaveTextContent(
      'Two-factor sign-in is now off.',
    );
    expect(sent(requests, '/auth/two-factor/disable').map((request) => request.body)).toEqual([
      { code: '000000' },
      { code: 'abcd1-efgh1' },
    ]);
  });

  it('an admin who must keep it on is not offered to turn it off', async () => {
    fakeApi({ 'GET /auth/two-factor': () => status({ mandatory: true }) });
    const { section } = await openSecurity(makeUser({ role: 'admin', twoFactorEnabled: true }));
    expect(
      await within(section).findByText(/Admin accounts must keep it on\./),
    ).toBeInTheDocument();
    expect(
      within(section).queryByRole('button', { name: 'Turn off two-factor sign-in' }),
    ).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Make new recovery codes' })).toBeVisible();
  });
});

describe('where you are signed in', () => {
  it('lists the devices by name, marks this one, and signs out another after asking', async () => {
    let sessions = SESSIONS;
    const { requests } = fakeApi({
      'GET /auth/sessions': () => ({ status: 200, data: sessions }),
      'DELETE /auth/sessions/session-phone': () => {
        sessions = sessions.filter((session) => session.id !== 'session-phone');
        return { status: 204 };
      },
    });
    const { user, section } = await openSecurity();

    const list = await within(section).findByRole('list', { name: 'Sessions' });
    expect(await within(list).findByText('Safari on iOS')).toBeInTheDocument();
    const items = within(list).getAllByTestId('session-item');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Chrome on WindowsThis device');
    expect(items[0]).toHaveTextContent('IP address 203.0.113.10');
    expect(items[0]).toHaveTextContent('Signed in Mar 2, 2026, 9:00 AM');
    expect(items[0]).toHaveTextContent('Last active Mar 2, 2026, 10:30 AM');
    expect(within(items[0] as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
    expect(items[2]).toHaveTextContent('Firefox on Linux');
    expect(items[2]).toHaveTextContent('IP address unknown');

    await user.click(
      within(list).getByRole('button', { name: 'Sign out Safari on iOS (198.51.100.4)' }),
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out Safari on iOS?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(sent(requests, '/auth/sessions/session-phone')).toHaveLength(0);

    await user.click(
      within(list).getByRole('button', { name: 'Sign out Safari on iOS (198.51.100.4)' }),
    );
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Sign out' }),
    );
    expect(await within(section).findByText('That session has been signed out.')).toBeVisible();
    await waitFor(() => expect(within(list).getAllByTestId('session-item')).toHaveLength(2));
    expect(within(list).queryByText('Safari on iOS')).not.toBeInTheDocument();
  });

  it('signs out every other session at once after asking', async () => {
    let sessions = SESSIONS;
    const { requests } = fakeApi({
      'GET /auth/sessions': () => ({ status: 200, data: sessions }),
      'POST /auth/sessions/revoke-others': () => {
        sessions = sessions.filter((session) => session.current);
        return { status: 200, data: { revoked: 2 } };
      },
    });
    const { user, section } = await openSecurity();
    await within(section).findByRole('list', { name: 'Sessions' });

    await user.click(within(section).getByRole('button', { name: 'Sign out all other sessions' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign out all other sessions?' });
    expect(dialog).toHaveAccessibleDescription(
      'Every other device and browser is signed out at once. You stay signed in here.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Sign out all other sessions' }));

    expect(
      await within(section).findByText('2 other sessions have been signed out.'),
    ).toBeVisible();
    expect(within(section).getAllByTestId('session-item')).toHaveLength(1);
    expect(within(section).getByText('No other device or browser is signed in.')).toBeVisible();
    expect(sent(requests, '/auth/sessions/revoke-others')).toHaveLength(1);
  });

  it('speaks German', async () => {
    fakeApi({});
    await i18n.changeLanguage('de');
    renderApp({ url: '/account', user: makeUser({ locale: 'de' }) });
    const section = await screen.findByRole('region', { name: 'Sicherheit' });
    expect(await within(section).findByText('Safari auf iOS')).toBeInTheDocument();
    expect(within(section).getByText('Dieses Gerät')).toBeInTheDocument();
    expect(
      within(section).getByRole('button', { name: 'Zwei-Faktor-Anmeldung einschalten' }),
    ).toBeInTheDocument();
    expect(
      within(section).getByRole('button', { name: 'Alle anderen Sitzungen abmelden' }),
    ).toBeInTheDocument();
  });
});
