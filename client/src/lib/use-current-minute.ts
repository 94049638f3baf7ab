import { useSyncExternalStore } from 'react';

const TICK_MS = 5_000;
const MINUTE_MS = 60_000;

const startOfMinute = () => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;

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

/** The current time, rounded down to the minute: clocks re-render once a minute, not every second. */
export const useCurrentMinute = (): Date => {
  const minute = useSyncExternalStore(subscribe, snapshot, snapshot);
  return new Date(minute);
};
