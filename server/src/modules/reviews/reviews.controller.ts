import type { ReviewDetailRatings } from '@coachhub/shared/review';
import type { Request, RequestHandler } from 'express';
import { callerOf, principalOf } from '../../core/auth/auth.middleware.js';
import type { Actor } from '../../core/auth/principal.js';
import { pageOf } from '../../core/pagination.js';
import { validated } from '../../core/validation.js';
import type { ReviewsService } from './reviews.service.js';

const actorOf = (req: Request): Actor => {
  const { userId, role } = principalOf(req);
  return { userId, role };
};

export function createReviewsController(reviews: ReviewsService) {
  const create: RequestHandler = async (req, res) => {
    const input = validated<{
      bookingId: string;
      rating: number;
      comment?: string;
      ratings?: ReviewDetailRatings;
    }>(req);
    const review = await reviews.create(actorOf(req), {
      bookingId: input.bookingId,
      rating: input.rating,
      comment: input.comment ?? '',
      ratings: input.ratings ?? {},
    });
    res.status(201).json(review);
  };

  const respond: RequestHandler = async (req, res) => {
    const { id, body } = validated<{ id: string; body: string }>(req);
    const { review, created } = await reviews.respond(actorOf(req), id, body);
    res.status(created ? 201 : 200).json(review);
  };

  const mine: RequestHandler = async (req, res) => {
    const { bookingId } = validated<{ bookingId?: string }>(req);
    res.json(await reviews.listMine(actorOf(req), { ...pageOf(req), bookingId }));
  };

  const forCoach: RequestHandler = async (req, res) => {
    const { userId } = validated<{ userId: string }>(req);
    const caller = callerOf(req);
    const viewer = caller ? { userId: caller.userId, role: caller.role } : undefined;
    res.json(await reviews.listForCoach(userId, viewer, pageOf(req)));
  };

  return { create, respond, mine, forCoach };
}
