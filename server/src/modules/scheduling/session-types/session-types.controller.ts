import type { CreateSessionTypeRequest, UpdateSessionTypeRequest } from '@coachhub/shared/booking';
import type { RequestHandler } from 'express';
import { callerOf, principalOf } from '../../../core/auth/auth.middleware.js';
import { validated } from '../../../core/validation.js';
import type { SessionTypesService } from './session-types.service.js';

export function createSessionTypesController(sessionTypes: SessionTypesService) {
  const listForCoach: RequestHandler = async (req, res) => {
    const { userId } = validated<{ userId: string }>(req);
    res.json(await sessionTypes.listForCoach(userId, callerOf(req)));
  };

  const create: RequestHandler = async (req, res) => {
    const request = validated<CreateSessionTypeRequest>(req);
    res.status(201).json(await sessionTypes.create(principalOf(req), request));
  };

  const update: RequestHandler = async (req, res) => {
    const { id, ...changes } = validated<UpdateSessionTypeRequest & { id: string }>(req);
    res.json(await sessionTypes.update(principalOf(req), id, changes));
  };

  const remove: RequestHandler = async (req, res) => {
    const { id } = validated<{ id: string }>(req);
    await sessionTypes.remove(principalOf(req), id);
    res.status(204).end();
  };

  return { listForCoach, create, update, remove };
}
