import { useSyncExternalStore } from 'react';

/**
 * Whether the server holds this admin back until two-factor sign-in is on (a 403
 * `TWO_FACTOR_REQUIRED` from any call, seen by the HTTP client). The app then guides the admin to
 * the security settings; turning it on, or signing out, clears it.
 */
type Listener = () => void;

let required = false;
const listeners = new Set<Listener>();

const publish = (next: boolean) => {
  if (next === required) return;
  required = next;
  listeners.forEach((listener) => listener());
};

export const twoFactorSetup = {
  isRequired: (): boolean => required,
  markRequired: (): void => publish(true),
  clear: (): void => publish(false),
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const useTwoFactorSetupRequired = (): boolean =>
  // The server renders only what anyone may see, where nothing is held back.
  useSyncExternalStore(twoFactorSetup.subscribe, twoFactorSetup.isRequired, () => false);
