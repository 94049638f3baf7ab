import { REVIEW_ASPECTS, REVIEW_LIMITS } from '@coachhub/shared/review';
import type { CreateReviewRequest, ReviewAspect, ReviewDTO } from '@coachhub/shared/review';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { FormActions } from '@/components/form/form-actions';
import { FormFrame } from '@/components/form/form-frame';
import { TextAreaField } from '@/components/form/text-area-field';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import type { FieldProblem } from '@/lib/field-problem';
import { checkTextLength } from '@/lib/validation';

import { useCreateReview } from '../api/create-review';
import { StarInput } from './star-input';

const COMMENT_MAX = REVIEW_LIMITS.commentMax;

interface ReviewValues {
  rating: number | null;
  communication: number | null;
  punctuality: number | null;
  value: number | null;
  comment: string;
}

const INITIAL: ReviewValues = {
  rating: null,
  communication: null,
  punctuality: null,
  value: null,
  comment: '',
};

const validate = (values: ReviewValues) => ({
  rating:
    values.rating === null ? ({ key: 'validation.ratingRequired' } as FieldProblem) : undefined,
  comment: checkTextLength(values.comment, COMMENT_MAX),
});

/** What the API is sent: only the detail ratings given, the comment trimmed. */
export const toReviewRequest = (bookingId: string, values: ReviewValues): CreateReviewRequest => {
  const ratings = Object.fromEntries(
    REVIEW_ASPECTS.flatMap((aspect) => (values[aspect] === null ? [] : [[aspect, values[aspect]]])),
  ) as Partial<Record<ReviewAspect, number>>;
  const comment = values.comment.trim();
  return {
    bookingId,
    rating: values.rating ?? 0,
    ...(comment ? { comment } : {}),
    ...(Object.keys(ratings).length > 0 ? { ratings } : {}),
  };
};

interface ReviewFormProps {
  bookingId: string;
  coachName: string;
  onDone: (review: ReviewDTO) => void;
  onCancel: () => void;
}

/**
 * Reviewing a completed session: the overall stars (required), stars for communication,
 * punctuality and value (each optional) and a comment with a character counter.
 */
export const ReviewForm = ({ bookingId, coachName, onDone, onCancel }: ReviewFormProps) => {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const create = useCreateReview();
  const form = useFormState({
    initialValues: INITIAL,
    validate,
    submission: create,
    onValid: (values, helpers) =>
      create.mutate(toReviewRequest(bookingId, values), {
        onSuccess: onDone,
        onError: helpers.focusFirstProblem,
      }),
  });

  useEffect(() => headingRef.current?.focus(), []);

  const used = form.values.comment.trim().length;
  const counter = t('reviews.form.counter', {
    used: used.toLocaleString(i18n.language),
    max: COMMENT_MAX.toLocaleString(i18n.language),
  });

  return (
    <FormFrame
      form={form}
      className="review-form"
      aria-labelledby={headingId}
      data-testid="review-form"
    >
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('reviews.form.title', { name: coachName })}
      </h3>
      <StarInput
        legend={t('reviews.form.overall')}
        name={`rating-${bookingId}`}
        value={form.values.rating}
        onChange={(stars) => form.setValue('rating', stars)}
        problem={form.problems.rating}
      />
      <fieldset className="review-form__details">
        <legend>{t('reviews.form.details')}</legend>
        {REVIEW_ASPECTS.map((aspect) => (
          <StarInput
            key={aspect}
            legend={t(`reviews.aspects.${aspect}`)}
            name={`${aspect}-${bookingId}`}
            value={form.values[aspect]}
            onChange={(stars) => form.setValue(aspect, stars)}
            problem={form.problems[aspect]}
            clearable
          />
        ))}
      </fieldset>
      <TextAreaField
        label={t('reviews.form.comment')}
        hint={counter}
        rows={4}
        maxLength={COMMENT_MAX + 100}
        {...form.field('comment')}
      />
      <FormActions
        submitLabel={t('reviews.form.submit')}
        busyLabel={t('reviews.form.sending')}
        isBusy={create.isPending}
      >
        <Button variant="ghost" onClick={onCancel}>
          {t('reviews.form.cancel')}
        </Button>
      </FormActions>
    </FormFrame>
  );
};
