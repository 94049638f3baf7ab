import type BowserModule from 'bowser';
import { useEffect, useState } from 'react';

/** What a session's user agent says about the device, as far as it can tell. */
export interface DeviceName {
  browser: string | null;
  os: string | null;
}

// A type-only import: the code itself is loaded on demand below.
type Bowser = typeof BowserModule;

let loaded: Bowser | null = null;
let loading: Promise<Bowser> | null = null;

/** bowser is only needed on the account page: loaded on first use, once. */
const loadBowser = (): Promise<Bowser> => {
  loading ??= import('bowser').then(({ default: bowser }) => {
    loaded = bowser;
    return bowser;
  });
  return loading;
};

export const deviceNameOf = (bowser: Bowser, userAgent: string | null): DeviceName => {
  if (!userAgent) return { browser: null, os: null };
  const parser = bowser.getParser(userAgent);
  return { browser: parser.getBrowserName() || null, os: parser.getOSName() || null };
};

/** A function naming the device of a user agent, or null until the parser has loaded. */
export const useDeviceNames = (): ((userAgent: string | null) => DeviceName) | null => {
  const [bowser, setBowser] = useState<Bowser | null>(loaded);
  useEffect(() => {
    if (bowser) return;
    let current = true;
    void loadBowser().then((module) => {
      if (current) setBowser(() => module);
    });
    return () => {
      current = false;
    };
  }, [bowser]);
  return bowser ? (userAgent) => deviceNameOf(bowser, userAgent) : null;
};
