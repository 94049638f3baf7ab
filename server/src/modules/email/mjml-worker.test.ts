import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { renderEmail } from './email-layout.js';
import { closeMjmlWorker, renderMjml } from './mjml-worker.js';

const require = createRequire(import.meta.url);

afterAll(() => closeMjmlWorker());

describe('e-mail rendering in a worker thread', () => {
  it('renders the layout without loading mjml into the server thread', async () => {
    const { html } = await renderEmail({
      locale: 'de',
      heading: 'Termin bestätigt',
      paragraphs: ['Hallo Lena, <Anna> erwartet dich.'],
      action: { label: 'Buchung öffnen', url: 'https://coachhub.example/bookings/1?a=1&b=2' },
      footer: 'Du erhältst diese E-Mail, weil du ein CoachHub-Konto hast.',
    });
    expect(html).toContain('<html lang="de"');
    expect(html).toContain('Termin bestätigt');
    expect(html).toContain('Hallo Lena, &#60;Anna&#62; erwartet dich.');
    expect(html).toContain('href="https://coachhub.example/bookings/1?a=1&#38;b=2"');
    const mjmlEntry = require.resolve('mjml');
    expect(Object.keys(require.cache)).not.toContain(mjmlEntry);
  });

  it('answers every one of several renderings sent at once with its own HTML', async () => {
    const headings = Array.from({ length: 8 }, (_, index) => `Reminder ${index}`);
    const results = await Promise.all(
      headings.map((heading) =>
        renderEmail({ locale: 'en', heading, paragraphs: ['Soon.'], footer: 'Why you get this.' }),
      ),
    );
    results.forEach(({ html }, index) => expect(html).toContain(`Reminder ${index}`));
  });

  it('reports invalid markup as MJML errors, and starts again after being closed', async () => {
    const invalid = await renderMjml('<mjml><mj-body><mj-nonsense /></mj-body></mjml>').then(
      (result) => result.errors,
      (error: Error) => [error.message],
    );
    expect(invalid.join(' ')).toMatch(/mj-nonsense/);

    await closeMjmlWorker();
    const { html, errors } = await renderMjml(
      '<mjml><mj-body><mj-section><mj-column><mj-text>Back again</mj-text></mj-column></mj-section></mj-body></mjml>',
    );
    expect(errors).toEqual([]);
    expect(html).toContain('Back again');
  });
});
