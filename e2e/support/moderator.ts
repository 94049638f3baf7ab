import { generate } from 'otplib';
import type { Page } from 'playwright-core';

/**
 * An admin only the moderation journey signs in with (made at boot from ADMIN_EMAIL and
 * ADMIN_PASSWORD in global-setup.ts): it turns two-factor sign-in on, which the demo admin other
 * journeys sign in with must not have.
 */
export const MODERATOR = {
  email: 'moderator@e2e.coachhub.test',
  password: 'Moderator-passw0rd-2026',
  /** The name the admin bootstrap gives the account. */
  name: 'Admin CoachHub',
} as const;

const STEP_SECONDS = 30;

export interface TotpCode {
  code: string;
  /** The time step it belongs to (RFC 6238: 30-second steps since the epoch). */
  step: number;
}

/**
 * What the authenticator app shows for `secret`, in a step after `usedStep` (none: now). A code
 * works once, so a sign-in right after turning two-factor on waits for the next step (at most
 * 30 s).
 */
export async function appCode(secret: string, usedStep = -1): Promise<TotpCode> {
  for (;;) {
    const seconds = Math.floor(Date.now() / 1000);
    const step = Math.floor(seconds / STEP_SECONDS);
    if (step > usedStep) return { code: await generate({ secret, epoch: seconds }), step };
    const nextStepAt = (usedStep + 1) * STEP_SECONDS * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(50, nextStepAt - Date.now())));
  }
}

/** The setup key as the page shows it for typing into an app (groups of four), as the secret. */
export async function readSetupKey(page: Page): Promise<string> {
  const shown = await page.getByTestId('two-factor-secret').textContent();
  return (shown ?? '').replace(/\s+/g, '');
}
