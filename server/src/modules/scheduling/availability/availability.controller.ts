import type { AvailabilityDTO } from '@coachhub/shared/scheduling';
import type { RequestHandler } from 'express';
import { callerOf, principalOf } from '../../../core/auth/auth.middleware.js';
import { validated } from '../../../core/validation.js';
import type { AvailabilityService } from './availability.service.js';
import type { SlotsQuery, SlotsService } from './slots.service.js';

export function createAvailabilityController(deps: {
  availability: AvailabilityService;
  slots: SlotsService;
}) {
  const get: RequestHandler = async (req, res) => {
    const { userId } = validated<{ userId: string }>(req);
    res.json(await deps.availability.get(userId, callerOf(req)));
  };

  const replace: RequestHandler = async (req, res) => {
    const { userId, ...availability } = validated<AvailabilityDTO & { userId: string }>(req);
    res.json(await deps.availability.replace(userId, principalOf(req), availability));
  };

  const slots: RequestHandler = async (req, res) => {
    const { userId, ...query } = validated<SlotsQuery & { userId: string }>(req);
    res.json(await deps.slots.slots(userId, callerOf(req), query));
  };

  return { get, replace, slots };
}
