import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { firstFreeDay, logIn } from '../support/demo.js';
import { startHostedCheckout, type HostedCheckout } from '../support/hosted-checkout.js';
import { startProductServer, type ProductServer } from '../support/product-server.js';

const CLIENT_EMAIL = 'tom.client@demo.coachhub.test';
const CHECKOUT_PAGE = 'https://checkout.fake-stripe.test/**';

/**
 * The product configured for online payment (Stripe, here its offline stand-in): Tom books
 * Marco (who confirms bookings at once), pays at the checkout and comes back to a confirmed
 * booking with a receipt; cancels it in time and sees the full refund; then buys Marco's package
 * at the checkout and books the next session with one of its credits, paying nothing more.
 */
describe('payments journey', () => {
  let checkout: HostedCheckout;
  let server: ProductServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let bookingId = '';

  beforeAll(async () => {
    checkout = await startHostedCheckout();
    server = await startProductServer(checkout.stripe.env);
    browser = await launchBrowser();
    context = await newContext(browser, server.baseUrl);
    await checkout.serve(context, server.baseUrl);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await checkout?.close();
  });

  const openMarco = async () => {
    await page.goto('/coaches?q=Marco');
    await page.getByTestId('coach-card').getByRole('link', { name: 'Marco Weber' }).click();
    await page.waitForURL('**/coaches/*');
  };

  /** A coaching session next month: far outside Marco's 12-hour free cancellation window. */
  const pickSessionNextMonth = async () => {
    await page.getByTestId('book-session').click();
    await page.waitForURL('**/book');
    await page.getByRole('radio', { name: /Coaching session/ }).check();
    await page.getByTestId('calendar-next-month').click();
    await (await firstFreeDay(page)).click();
    await page.getByTestId('slot-times').getByRole('radio').first().check();
    await page.getByTestId('booking-confirm').getByTestId('quote-total').waitFor();
  };

  const bookingCard = (id: string): Locator =>
    page.locator(`[data-testid="booking-card"][data-booking-id="${id}"]`);

  /**
   * The booking's payment as My bookings (filtered to the booking's status) shows it, reloading
   * for a while: the refund follows the cancellation a moment later.
   */
  const paymentStatusOnMyBookings = async (
    id: string,
    bookingStatus: string,
    wanted: string,
  ): Promise<string | null> => {
    const deadline = Date.now() + 15_000;
    let status: string | null = null;
    while (Date.now() < deadline) {
      await page.goto(`/bookings?status=${bookingStatus}`);
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="booking-card"], [data-testid="bookings-empty"]') !==
          null,
      );
      const summary = bookingCard(id).getByTestId('payment-summary');
      status = (await summary.count()) > 0 ? await summary.getAttribute('data-status') : null;
      if (status === wanted) break;
      await page.waitForTimeout(500);
    }
    return status;
  };

  test('a client books a session, pays at the checkout and comes back to it confirmed', async () => {
    await logIn(page, CLIENT_EMAIL);
    await openMarco();
    await pickSessionNextMonth();
    const total = (await page.getByTestId('quote-total').textContent()) ?? '';
    await page.getByTestId('confirm-booking').click();

    await page.waitForURL(CHECKOUT_PAGE);
    const amount = (await page.getByTestId('checkout-amount').textContent()) ?? '';
    // The checkout asks for the quoted price: "102.00 EUR" for "€102.00".
    expect(total.replace(/[^\d]/g, '')).toBe(amount.replace(/[^\d]/g, ''));
    await page.getByRole('button', { name: 'Pay' }).click();

    await page.waitForURL('**/bookings/checkout-return?**');
    const paid = page.getByTestId('checkout-paid');
    await paid.waitFor();
    expect(await paid.getAttribute('data-status')).toBe('confirmed');
    bookingId = new URL(page.url()).searchParams.get('booking') ?? '';
    expect(bookingId).toMatch(/^[0-9a-f]{24}$/);
    await screenshot(page, 'payments-1-paid');
  });

  test('My bookings says it is paid, and its receipt shows the payment', async () => {
    expect(await paymentStatusOnMyBookings(bookingId, 'confirmed', 'paid')).toBe('paid');
    await bookingCard(bookingId).getByTestId('receipt-link').click();
    await page.waitForURL(`**/bookings/${bookingId}/receipt`);
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    expect(await receipt.getByTestId('receipt-reference').textContent()).toMatch(/CH-[0-9A-F]{8}/);
    const transactions = receipt.getByTestId('receipt-transactions');
    expect(await transactions.textContent()).toContain('Payment');
    const print = page.getByRole('button', { name: 'Print' });
    expect(await print.isVisible()).toBe(true);
    await screenshot(page, 'payments-2-receipt');
    // On paper only the receipt: no buttons, no navigation.
    await page.emulateMedia({ media: 'print' });
    expect(await print.isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await receipt.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  test('cancelling well before the session refunds it in full', async () => {
    await page.goto('/bookings?status=confirmed');
    const card = bookingCard(bookingId);
    await card.locator('[data-action="cancel"]').click();
    const panel = card.getByTestId('cancel-panel');
    await panel.getByRole('button', { name: 'Cancel booking' }).click();
    expect(await paymentStatusOnMyBookings(bookingId, 'cancelled', 'refunded')).toBe('refunded');
    const [payment] = [...checkout.stripe.sessions.values()].filter(
      (session) => session.metadata.bookingId === bookingId,
    );
    expect(checkout.stripe.refunds.map((refund) => refund.amount)).toEqual([payment?.amount_total]);
    await bookingCard(bookingId).getByTestId('receipt-link').click();
    const transactions = page.getByTestId('receipt-transactions');
    await transactions.waitFor();
    expect(await transactions.textContent()).toContain('Refund');
    await screenshot(page, 'payments-3-refunded');
  });

  test('buys a package at the checkout and books the next session with a credit', async () => {
    await openMarco();
    const offer = page.getByTestId('package-offer').filter({ hasText: 'Ten-week plan' });
    await offer.getByRole('button', { name: 'Buy Ten-week plan' }).click();
    await page.getByTestId('buy-package-dialog').getByRole('button', { name: 'Buy now' }).click();

    await page.waitForURL(CHECKOUT_PAGE);
    expect(await page.getByTestId('checkout-amount').textContent()).toBe('1100.00 CHF');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL('**/packages/checkout-return?**');
    expect(await page.getByTestId('package-return-success').textContent()).toContain(
      'Your package is active: 10 credits until',
    );

    await openMarco();
    await pickSessionNextMonth();
    const choice = page.getByTestId('credit-choice');
    await choice.getByRole('radio', { name: /Use a package credit/ }).check();
    await choice.getByTestId('credit-covered').waitFor();
    const sessionsBefore = checkout.stripe.sessions.size;
    await page.getByTestId('confirm-booking').click();

    const success = page.getByTestId('booking-success');
    await success.waitFor();
    expect(await success.getAttribute('data-status')).toBe('confirmed');
    // Paid by the credit: no checkout was opened for it.
    expect(checkout.stripe.sessions.size).toBe(sessionsBefore);
    const creditBookingId = (await success.getAttribute('data-booking-id')) ?? '';
    await page.goto('/bookings?status=confirmed');
    const summary = bookingCard(creditBookingId).getByTestId('payment-summary');
    expect(await summary.getAttribute('data-method')).toBe('credit');

    await page.goto('/packages');
    const credit = page.getByTestId('credit').filter({ hasText: 'Ten-week plan' });
    expect(await credit.textContent()).toContain('9 credits left');
    await screenshot(page, 'payments-4-credits');
  });
});
