import type { OutboxMailDTO } from '@coachhub/shared/notification';
import { Router } from 'express';
import { validate } from '../../core/validation.js';
import { OutboxMail } from './outbox-mail.model.js';

const SHOWN = 50;

/**
 * `GET /api/dev/outbox`: the latest mails the app would have sent, newest first. Mounted only
 * outside production and only while mails go to the outbox (no SMTP_URL).
 */
export function createOutboxRouter(): Router {
  const router = Router();
  router.get('/outbox', validate(), async (_req, res) => {
    const mails = await OutboxMail.find().sort({ createdAt: -1, _id: -1 }).limit(SHOWN).lean();
    const answer: OutboxMailDTO[] = mails.map((mail) => ({
      _id: mail._id.toString(),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments.map(({ filename, contentType }) => ({ filename, contentType })),
      createdAt: mail.createdAt.toISOString(),
    }));
    res.json(answer);
  });
  return router;
}
