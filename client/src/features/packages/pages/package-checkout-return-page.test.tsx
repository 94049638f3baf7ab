import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { apiErrorReply, installFakeApi } from '@/testing/fake-api';
import { makeUser } from '@/testing/fixtures';
import { makePurchase } from '@/testing/package-fixtures';
import { renderApp } from '@/testing/render-app';

import {
  CHECKOUT_RETURN_RETRIES,
  CHECKOUT_RETURN_RETRY_MS,
} from '../api/use-package-checkout-return';

afterEach(() => {
  vi.useRealTimers();
});

const activePurchase = makePurchase({ method: 'online' });

const RETURN_URL = '/packages/checkout-return?purchase=purchase-1&session_id=cs_1';
const RETURN_ROUTE = 'POST /packages/purchases/purchase-1/checkout-return';

describe('coming back from the checkout of a package', () => {
  it('confirms the payment and says how many credits the client has until when', async () => {
    const { requests } = installFakeApi({
      [RETURN_ROUTE]: () => ({ status: 200, data: { purchase: activePurchase } }),
    });
    renderApp({ url: RETURN_URL, user: makeUser() });

    const success = await screen.findByTestId('package-return-success');
    expect(success).toHaveTextContent('Your package is active: 5 credits until March 1, 2027.');
    expect(requests.filter((request) => request.method === 'POST')).toMatchObject([
      { url: '/packages/purchases/purchase-1/checkout-return', body: { sessionId: 'cs_1' } },
    ]);
    expect(screen.getByRole('link', { name: 'Go to my packages' })).toHaveAttribute(
      'href',
      '/packages',
    );
  });

  it('waits while the payment is not verified yet, and asks again until it is', async () => {
    let answers = 0;
    installFakeApi({
      [RETURN_ROUTE]: () => {
        answers += 1;
        return answers === 1
          ? apiErrorReply(409, 'PAYMENT_NOT_VERIFIED')
          : { status: 200, data: { purchase: activePurchase } };
      },
    });
    renderApp({ url: RETURN_URL, user: makeUser() });

    expect(await screen.findByTestId('package-return-waiting')).toHaveTextContent(
      'This usually takes a few seconds. We check again automatically.',
    );
    // The next question comes after the retry delay, on its own.
    expect(
      await screen.findByTestId(
        'package-return-success',
        {},
        { timeout: CHECKOUT_RETURN_RETRY_MS + 3_000 },
      ),
    ).toHaveTextContent('5 credits until March 1, 2027');
    expect(answers).toBe(2);
  });

  it('stops asking after a few tries and lets the client check again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let answers = 0;
    installFakeApi({
      [RETURN_ROUTE]: () => {
        answers += 1;
        return apiErrorReply(409, 'PAYMENT_NOT_VERIFIED');
      },
    });
    const { user } = renderApp({ url: RETURN_URL, user: makeUser() });
    expect(await screen.findByTestId('package-return-waiting')).toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(CHECKOUT_RETURN_RETRIES * CHECKOUT_RETURN_RETRY_MS + 1_000);
    const waiting = await screen.findByTestId('package-return-waiting');
    expect(waiting).toHaveAttribute('data-gave-up', 'true');
    expect(waiting).toHaveTextContent('The payment has not been confirmed yet.');
    expect(answers).toBe(CHECKOUT_RETURN_RETRIES + 1);
    // No further question on its own.
    await vi.advanceTimersByTimeAsync(CHECKOUT_RETURN_RETRY_MS * 3);
    expect(answers).toBe(CHECKOUT_RETURN_RETRIES + 1);

    vi.useRealTimers();
    await user.click(within(waiting).getByRole('button', { name: 'Check again' }));
    await vi.waitFor(() => expect(answers).toBe(CHECKOUT_RETURN_RETRIES + 2));
  });

  it('explains a link without its purchase or checkout, and asks nothing', async () => {
    const { requests } = installFakeApi({});
    renderApp({ url: '/packages/checkout-return?purchase=purchase-1', user: makeUser() });

    expect(await screen.findByTestId('package-return-bad-link')).toHaveTextContent(
      'This payment link is incomplete',
    );
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('translates another refusal by its code', async () => {
    installFakeApi({ [RETURN_ROUTE]: () => apiErrorReply(404, 'NOT_FOUND') });
    renderApp({ url: RETURN_URL, user: makeUser() });

    const failed = await screen.findByTestId('package-return-failed');
    expect(failed).toHaveTextContent('The payment could not be checked');
    expect(failed).toHaveTextContent('We could not find what you were looking for.');
  });
});
