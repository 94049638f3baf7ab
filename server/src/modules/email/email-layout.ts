import { renderMjml } from './mjml-worker.js';

export interface EmailContent {
  /** `lang` of the document, e.g. `de`. */
  locale: string;
  heading: string;
  /** Plain sentences; escaped for HTML here. */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** The small print under the card (why the reader gets this mail). */
  footer: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * One layout for every CoachHub mail: MJML makes the HTML that mail clients render alike (in a
 * worker thread, see mjml-worker.ts); the plain-text part says the same in the same order.
 */
export async function renderEmail(content: EmailContent): Promise<{ html: string; text: string }> {
  const paragraphs = content.paragraphs
    .map(
      (paragraph) =>
        `<mj-text font-size="16px" line-height="24px">${escapeHtml(paragraph)}</mj-text>`,
    )
    .join('\n');
  const action = content.action
    ? `<mj-button background-color="#2f5d50" href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.label)}</mj-button>`
    : '';
  const { html, errors } = await renderMjml(
    `<mjml lang="${escapeHtml(content.locale)}">
      <mj-head><mj-title>${escapeHtml(content.heading)}</mj-title></mj-head>
      <mj-body background-color="#f4f5f2">
        <mj-section><mj-column>
          <mj-text font-size="20px" font-weight="bold" color="#2f5d50">CoachHub</mj-text>
        </mj-column></mj-section>
        <mj-section background-color="#ffffff" border-radius="8px"><mj-column>
          <mj-text font-size="22px" font-weight="bold">${escapeHtml(content.heading)}</mj-text>
          ${paragraphs}
          ${action}
        </mj-column></mj-section>
        <mj-section><mj-column>
          <mj-text font-size="12px" color="#5c6360">${escapeHtml(content.footer)}</mj-text>
        </mj-column></mj-section>
      </mj-body>
    </mjml>`,
  );
  if (errors.length > 0) throw new Error(`E-mail layout: ${errors[0] ?? ''}`);
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '--',
    content.footer,
  ].join('\n');
  return { html, text };
}
