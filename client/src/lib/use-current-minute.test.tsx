import { act, renderHook } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { RenderedMinuteProvider, startOfMinute, useCurrentMinute } from './use-current-minute';

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

describe('a server-rendered clock', () => {
  const Clock = () => <time>{useCurrentMinute().toISOString()}</time>;
  const page = (renderedMinute: number | null) => (
    <RenderedMinuteProvider value={renderedMinute}>
      <Clock />
    </RenderedMinuteProvider>
  );

  /** Renders on "the server" at 10:42:37, then hydrates in the browser at 10:44:05. */
  const hydrateLater = async (renderedMinute: number | null) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-03-05T10:42:37.000Z'));
    const container = document.createElement('div');
    container.innerHTML = renderToString(page(startOfMinute()));
    document.body.append(container);
    vi.setSystemTime(new Date('2031-03-05T10:44:05.000Z'));
    const recoverableErrors: unknown[] = [];
    const root = await act(async () =>
      hydrateRoot(container, page(renderedMinute), {
        onRecoverableError: (error) => recoverableErrors.push(error),
      }),
    );
    const shown = container.textContent;
    await act(async () => root.unmount());
    container.remove();
    return { recoverableErrors, shown };
  };

  it('hydrates as the server drew it, then shows the current minute', async () => {
    const { recoverableErrors, shown } = await hydrateLater(
      new Date('2031-03-05T10:42:00.000Z').getTime(),
    );
    expect(recoverableErrors).toEqual([]);
    expect(shown).toBe('2031-03-05T10:44:00.000Z');
  });

  it('without the minute it was drawn at, React finds other text and renders it again', async () => {
    const { recoverableErrors, shown } = await hydrateLater(null);
    expect(recoverableErrors).toHaveLength(1);
    expect(shown).toBe('2031-03-05T10:44:00.000Z');
  });
});
