import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const REQUEST_ID_HEADER = 'X-Request-Id';
// A caller-chosen id is only trusted when it cannot smuggle anything into log lines.
const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The id of the request being served, wherever in its async call chain this runs. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Takes `X-Request-Id` (or makes one), echoes it, and scopes it to the rest of the request. */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    storage.run({ requestId }, next);
  };
}
