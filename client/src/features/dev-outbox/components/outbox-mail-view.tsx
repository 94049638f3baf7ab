import type { OutboxMailDTO } from '@coachhub/shared/notification';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

/**
 * One mail as it was composed: its plain text, its attachments by name, and its HTML in an
 * iframe sandboxed to nothing (no scripts, no forms, an origin of its own) so the mail can
 * neither run code nor reach the app.
 */
export const OutboxMailView = ({ mail }: { mail: OutboxMailDTO }) => {
  const { t } = useTranslation();
  const context = useFormatContext();
  return (
    <article
      className="panel outbox-mail"
      aria-labelledby="outbox-mail-subject"
      data-testid="outbox-mail"
    >
      <h2 id="outbox-mail-subject" className="outbox-mail__subject">
        {mail.subject}
      </h2>
      <dl className="outbox-mail__headers">
        <dt>{t('devOutbox.to')}</dt>
        <dd data-testid="outbox-mail-to">{mail.to}</dd>
        <dt>{t('devOutbox.sent')}</dt>
        <dd>
          <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt, context)}</time>
        </dd>
        {mail.attachments.length > 0 && (
          <>
            <dt>{t('devOutbox.attachments')}</dt>
            <dd>
              <ul className="outbox-mail__attachments" data-testid="outbox-mail-attachments">
                {mail.attachments.map((attachment, index) => (
                  <li key={`${attachment.filename}-${index}`}>
                    {attachment.filename}{' '}
                    <span className="outbox-mail__type">({attachment.contentType})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="outbox-mail-text-heading">
        <h3 id="outbox-mail-text-heading">{t('devOutbox.text')}</h3>
        <pre className="outbox-mail__text" data-testid="outbox-mail-text">
          {mail.text}
        </pre>
      </section>
      <section aria-labelledby="outbox-mail-html-heading">
        <h3 id="outbox-mail-html-heading">{t('devOutbox.html')}</h3>
        {mail.html ? (
          <iframe
            className="outbox-mail__html"
            title={t('devOutbox.htmlFrame', { subject: mail.subject })}
            sandbox=""
            srcDoc={mail.html}
            data-testid="outbox-mail-html"
          />
        ) : (
          <p>{t('devOutbox.noHtml')}</p>
        )}
      </section>
    </article>
  );
};
