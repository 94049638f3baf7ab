import { REVIEW_ASPECTS, REVIEW_LIMITS, type ReviewAspect } from '@coachhub/shared/review';
import { model, Schema, type Types } from 'mongoose';
import { isStarRating } from '../../domain/review-rules.js';

export interface StoredReviewResponse {
  body: string;
  createdAt: Date;
  editedAt: Date | null;
}

export interface ReviewFields {
  /** One review per booking: the unique index makes two racing creates give exactly one. */
  booking: Types.ObjectId;
  /** User ids (architecture.md "Identity rule"), copied from the booking. */
  coach: Types.ObjectId;
  client: Types.ObjectId;
  rating: number;
  ratings: Partial<Record<ReviewAspect, number>>;
  comment: string;
  response: StoredReviewResponse | null;
  /** Set while an admin hides it: out of the public list and the coach's rating. */
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type ReviewRecord = ReviewFields & { _id: Types.ObjectId };

const stars = { type: Number, validate: { validator: isStarRating, message: 'Whole stars 1-5' } };

const reviewSchema = new Schema<ReviewFields>(
  {
    booking: { type: Schema.Types.ObjectId, ref: 'Booking', required: true, immutable: true },
    coach: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    client: { type: Schema.Types.ObjectId, ref: 'User', required: true, immutable: true },
    rating: { ...stars, required: true, immutable: true },
    ratings: {
      type: new Schema(
        Object.fromEntries(
          REVIEW_ASPECTS.map((aspect) => [aspect, { ...stars, default: undefined }]),
        ),
        { _id: false },
      ),
      default: () => ({}),
    },
    comment: { type: String, default: '', maxlength: REVIEW_LIMITS.commentMax },
    response: {
      type: new Schema<StoredReviewResponse>(
        {
          body: { type: String, required: true, maxlength: REVIEW_LIMITS.responseMax },
          createdAt: { type: Date, required: true },
          editedAt: { type: Date, default: null },
        },
        { _id: false },
      ),
      default: null,
    },
    hiddenAt: { type: Date, default: null },
    hiddenReason: { type: String, default: null, maxlength: 1000 },
  },
  { timestamps: true, minimize: false },
);

reviewSchema.index({ booking: 1 }, { unique: true });
// A coach's public list (visible ones, newest first) and its star distribution.
reviewSchema.index({ coach: 1, hiddenAt: 1, createdAt: -1, _id: -1 });
// The author's own reviews.
reviewSchema.index({ client: 1, createdAt: -1, _id: -1 });
// The admins' moderation list, with or without the hidden filter.
reviewSchema.index({ hiddenAt: 1, createdAt: -1, _id: -1 });
reviewSchema.index({ createdAt: -1, _id: -1 });

export const Review = model<ReviewFields>('Review', reviewSchema);
