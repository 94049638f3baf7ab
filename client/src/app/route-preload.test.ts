import type { RouteObject } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { preloadRoutesOnIntent } from './route-preload';

const routesWith = (coachPage: () => Promise<object>, directory: () => Promise<object>) =>
  [
    {
      path: '/',
      children: [
        { path: 'coaches', lazy: directory },
        { path: 'coaches/:coachId', lazy: coachPage },
      ],
    },
  ] satisfies RouteObject[];

describe('route preloading', () => {
  let stop = () => undefined as void;
  afterEach(() => {
    stop();
    document.body.innerHTML = '';
  });

  it("loads a page's chunk when the pointer or focus reaches a link to it, once", () => {
    const coachPage = vi.fn(() => Promise.resolve({}));
    const directory = vi.fn(() => Promise.resolve({}));
    stop = preloadRoutesOnIntent(routesWith(coachPage, directory));
    document.body.innerHTML =
      '<a href="/coaches/c1"><span>Carla</span></a><a href="https://elsewhere.example/coaches">x</a>';
    const [own, foreign] = [...document.querySelectorAll('a')];

    own?.querySelector('span')?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    own?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    foreign?.dispatchEvent(new Event('pointerover', { bubbles: true }));

    expect(coachPage).toHaveBeenCalledOnce();
    expect(directory).not.toHaveBeenCalled();
  });
});
