import { describe, expect, it } from 'vitest';

import { i18n, i18nReady, reflectLanguageOnDocument } from './i18n';

describe('i18n language loading', () => {
  it('starts with only the active language loaded', async () => {
    await i18nReady;

    expect(i18n.language).toBe('en');
    expect(i18n.t('app.tagline')).toBe('Coaching that fits your life');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('de', 'translation')).toBe(false);
  });

  it('loads German on the switch and shows it only once its strings are in', async () => {
    const seen: string[] = [];
    const record = () => seen.push(i18n.t('app.tagline'));
    i18n.on('languageChanged', record);

    await i18n.changeLanguage('de');
    i18n.off('languageChanged', record);

    expect(i18n.hasResourceBundle('de', 'translation')).toBe(true);
    expect(seen).toEqual(['Coaching, das zu deinem Leben passt']);
    expect(document.documentElement.lang).toBe('de');
  });

  it('leaves the page language alone when it is already right (setting it restyles the page)', async () => {
    const root = document.documentElement;
    root.lang = 'en';
    const observer = new MutationObserver(() => undefined);
    observer.observe(root, { attributes: true, attributeFilter: ['lang'] });

    reflectLanguageOnDocument('en');
    const unchanged = observer.takeRecords();
    reflectLanguageOnDocument('de');
    const changed = observer.takeRecords();
    observer.disconnect();

    expect(unchanged).toHaveLength(0);
    expect(changed).toHaveLength(1);
    expect(root.lang).toBe('de');
  });
});
