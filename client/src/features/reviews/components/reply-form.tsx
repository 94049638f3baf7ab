import { REVIEW_LIMITS } from '@coachhub/shared/review';
import type { ReviewDTO } from '@coachhub/shared/review';
import { useTranslation } from 'react-i18next';

import { FormActions } from '@/components/form/form-actions';
import { FormFrame } from '@/components/form/form-frame';
import { TextAreaField } from '@/components/form/text-area-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';
import { checkTextLength } from '@/lib/validation';

import { useRespondToReview } from '../api/respond-to-review';

const REPLY_MAX = REVIEW_LIMITS.responseMax;

const validate = ({ body }: { body: string }) => ({
  body:
    body.trim() === ''
      ? { key: 'validation.replyRequired' as const }
      : checkTextLength(body, REPLY_MAX),
});

interface ReplyFormProps {
  review: ReviewDTO;
  /** The reviewer's name, for the form's label. */
  reviewerName: string;
  onClose: () => void;
}

/** The coach's reply to a review: written once, then editable until `editableUntil`. */
export const ReplyForm = ({ review, reviewerName, onClose }: ReplyFormProps) => {
  const { t, i18n } = useTranslation();
  const format = useFormatContext();
  const respond = useRespondToReview();
  const editing = review.response !== null;
  const form = useFormState({
    initialValues: { body: review.response?.body ?? '' },
    validate,
    submission: respond,
    onValid: ({ body }, helpers) =>
      respond.mutate(
        { reviewId: review._id, body: body.trim() },
        { onSuccess: onClose, onError: helpers.focusFirstProblem },
      ),
  });
  const used = form.values.body.trim().length;
  const hint = [
    t('reviews.form.counter', {
      used: used.toLocaleString(i18n.language),
      max: REPLY_MAX.toLocaleString(i18n.language),
    }),
    review.response
      ? t('reviews.reply.editableUntil', {
          time: formatDateTime(review.response.editableUntil, format),
        })
      : t('reviews.reply.editWindow'),
  ].join(' ');

  return (
    <FormFrame
      form={form}
      className="reply-form"
      aria-label={t('reviews.reply.formLabel', { name: reviewerName })}
      data-testid="reply-form"
    >
      <TextAreaField
        label={t('reviews.reply.label')}
        hint={hint}
        rows={3}
        autoFocus
        maxLength={REPLY_MAX + 100}
        {...form.field('body')}
      />
      <FormActions
        submitLabel={t(editing ? 'reviews.reply.saveEdit' : 'reviews.reply.post')}
        busyLabel={t('reviews.reply.saving')}
        isBusy={respond.isPending}
      >
        <Button variant="ghost" onClick={onClose}>
          {t('reviews.reply.cancel')}
        </Button>
      </FormActions>
    </FormFrame>
  );
};
