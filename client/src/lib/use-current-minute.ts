import { createContext, useContext, useSyncExternalStore } from 'react';

const TICK_MS = 5_000;
const MINUTE_MS = 60_000;

/** Now, rounded down to the minute, in milliseconds since the epoch. */
export const startOfMinute = () => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;

let currentMinute = startOfMinute();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

const tick = () => {
  const minute = startOfMinute();
  if (minute === currentMinute) return;
  currentMinute = minute;
  listeners.forEach((listener) => listener());
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  tick();
  // One shared timer for every clock on screen, stopped when none is left.
  timer ??= setInterval(tick, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
};

/**
 * While nothing listens the timer is off, so the stored minute may be long past (it was read
 * when this module loaded, or when the last clock left the screen): read the clock again.
 */
const snapshot = () => {
  if (listeners.size === 0) currentMinute = startOfMinute();
  return currentMinute;
};

/**
 * The minute a server-rendered page was drawn at (entry-server.tsx renders with it and writes it
 * into the page state; main.tsx hydrates with it). A page may be hydrated in a later minute than
 * it was rendered (a slow start, or a page the server kept): its clocks must first be drawn as
 * the server drew them, or React finds other text and renders the page again. Right after
 * hydrating they move on to the current minute.
 */
const RenderedMinuteContext = createContext<number | null>(null);
export const RenderedMinuteProvider = RenderedMinuteContext.Provider;

/** The current time, rounded down to the minute: clocks re-render once a minute, not every second. */
export const useCurrentMinute = (): Date => {
  const rendered = useContext(RenderedMinuteContext);
  const minute = useSyncExternalStore(subscribe, snapshot, () => rendered ?? snapshot());
  return new Date(minute);
};
