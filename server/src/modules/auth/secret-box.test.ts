import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.js';

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox('key material that is long enough', 'label');

  it('opens what it sealed, and the sealed text does not show the secret', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(sealed).toMatch(/^v1\./);
    expect(box.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(box.seal('same', 'user-1')).not.toBe(box.seal('same', 'user-1'));
  });

  it('refuses another context, another key or label, and an altered value', () => {
    const sealed = box.seal('secret', 'user-1');
    expect(() => box.open(sealed, 'user-2')).toThrow();
    expect(() => createSecretBox('other material', 'label').open(sealed, 'user-1')).toThrow();
    expect(() =>
      createSecretBox('key material that is long enough', 'other').open(sealed, 'user-1'),
    ).toThrow();
    const [version, iv, data = '', tag] = sealed.split('.');
    const flipped = `${data.startsWith('A') ? 'B' : 'A'}${data.slice(1)}`;
    expect(() => box.open([version, iv, flipped, tag].join('.'), 'user-1')).toThrow();
    expect(() => box.open('plain text', 'user-1')).toThrow();
  });
});
