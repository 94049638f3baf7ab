import { REVIEW_ASPECTS } from '@coachhub/shared/review';
import type { ReviewDTO } from '@coachhub/shared/review';
import { lazy, Suspense, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { CoachAvatar } from '@/components/coach/coach-avatar';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/lib/format';
import { useCurrentMinute } from '@/lib/use-current-minute';
import { useFormatContext } from '@/lib/use-format-context';

import { StarRating } from './star-rating';

// Only the reviewed coach replies: the form and its validation load when they are about to.
const loadReplyForm = () => import('./reply-form');
const ReplyForm = lazy(() => loadReplyForm().then(({ ReplyForm: Form }) => ({ default: Form })));
const preloadReplyForm = () => void loadReplyForm().catch(() => undefined);

interface ReviewItemProps {
  review: ReviewDTO;
  coachName: string;
  /** The viewer is the reviewed coach: they may reply, and edit the reply for a while. */
  canReply: boolean;
  /** What other features offer on a review (reporting it), from the route. */
  actions?: ReactNode;
}

/** One review: who, the stars, the detail ratings given, the comment, when, and the reply. */
export const ReviewItem = ({ review, coachName, canReply, actions }: ReviewItemProps) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const now = useCurrentMinute();
  const headingId = useId();
  const [replying, setReplying] = useState(false);
  const name = review.reviewer.displayName || t('reviews.someone');
  const [first = name, ...rest] = name.split(' ');
  const details = REVIEW_ASPECTS.flatMap((aspect) => {
    const stars = review.ratings[aspect];
    return stars === undefined ? [] : [{ aspect, stars }];
  });
  const { response } = review;
  const editable = response !== null && now.getTime() < Date.parse(response.editableUntil);

  return (
    <article className="review" aria-labelledby={headingId} data-testid="review">
      <header className="review__head">
        <CoachAvatar
          coach={{
            firstName: first,
            lastName: rest.join(' '),
            profilePicture: review.reviewer.profilePicture,
            coachProfilePicture: null,
          }}
          size="sm"
          decorative
        />
        <div className="review__who">
          <h3 id={headingId} className="review__author">
            {name}
          </h3>
          <p className="review__meta">
            <StarRating value={review.rating} />
            <time dateTime={review.createdAt}>
              {formatDateTime(review.createdAt, format, { dateStyle: 'long' })}
            </time>
          </p>
        </div>
      </header>
      {details.length > 0 && (
        <dl className="review__details">
          {details.map(({ aspect, stars }) => (
            <div key={aspect}>
              <dt>{t(`reviews.aspects.${aspect}`)}</dt>
              <dd>
                <StarRating value={stars} size="sm" />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {review.comment && <p className="review__comment">{review.comment}</p>}
      {response && !replying && (
        <div className="review__reply" data-testid="review-reply">
          <p className="review__reply-title">
            {t('reviews.reply.heading', { name: coachName })}
            {response.editedAt && (
              <span className="review__reply-edited"> · {t('reviews.reply.edited')}</span>
            )}
          </p>
          <p className="review__reply-body">{response.body}</p>
        </div>
      )}
      {canReply && replying && (
        <Suspense fallback={null}>
          <ReplyForm review={review} reviewerName={name} onClose={() => setReplying(false)} />
        </Suspense>
      )}
      {canReply && !replying && (response === null || editable) && (
        <Button
          variant="secondary"
          onPointerEnter={preloadReplyForm}
          onFocus={preloadReplyForm}
          onClick={() => setReplying(true)}
          aria-label={t(response ? 'reviews.reply.editFor' : 'reviews.reply.addFor', { name })}
        >
          {t(response ? 'reviews.reply.edit' : 'reviews.reply.add')}
        </Button>
      )}
      {actions}
    </article>
  );
};
