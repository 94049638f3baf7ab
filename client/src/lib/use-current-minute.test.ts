import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { useCurrentMinute } from './use-current-minute';

afterEach(() => {
  vi.useRealTimers();
});

describe('useCurrentMinute', () => {
  it('reads the clock when the first clock comes on screen, not when the module loaded', () => {
    // The module was imported above, at the real time; the page opens much later.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-03-05T10:42:37.000Z'));
    const { result, unmount } = renderHook(() => useCurrentMinute());
    expect(result.current).toEqual(new Date('2031-03-05T10:42:00.000Z'));
    unmount();

    vi.setSystemTime(new Date('2031-03-06T08:05:10.000Z'));
    expect(renderHook(() => useCurrentMinute()).result.current).toEqual(
      new Date('2031-03-06T08:05:00.000Z'),
    );
  });
});
