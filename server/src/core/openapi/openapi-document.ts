import { ERROR_CODES, type ErrorCode } from '@coachhub/shared/errors';
import { CONTRACT_SCHEMAS } from './contract-schemas.generated.js';
import { ref, type JsonSchema } from './json-schema.js';
import { ACCOUNT_ROUTES } from './paths/accounts.js';
import { ADMIN_ROUTES } from './paths/admin.js';
import { BOOKING_ROUTES } from './paths/bookings.js';
import { CHAT_ROUTES } from './paths/chat.js';
import { COACH_ROUTES } from './paths/coaches.js';
import { DASHBOARD_ROUTES } from './paths/dashboard.js';
import { PAYMENT_ROUTES } from './paths/payments.js';
import { REVIEW_ROUTES } from './paths/reviews.js';
import {
  API_TAGS,
  idSchema,
  type ErrorStatus,
  type RouteDoc,
  type RouteTable,
} from './route-doc.js';

/** Every documented route, keyed `METHOD /path/{param}`. */
export const ROUTE_DOCS: RouteTable = {
  ...ACCOUNT_ROUTES,
  ...COACH_ROUTES,
  ...BOOKING_ROUTES,
  ...PAYMENT_ROUTES,
  ...CHAT_ROUTES,
  ...REVIEW_ROUTES,
  ...DASHBOARD_ROUTES,
  ...ADMIN_ROUTES,
};

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema> } & JsonSchema;
} & JsonSchema;

const ERROR_TITLES: Record<ErrorStatus, string> = {
  400: 'The request is not valid (`details` lists the fields)',
  401: 'No valid credentials',
  403: 'Not allowed',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflict or illegal state change',
  413: 'Body too large',
  415: 'Unsupported body type',
  422: 'Unprocessable',
  429: 'Too many requests (see `Retry-After`)',
  500: 'Something went wrong on the server',
  503: 'The database cannot be reached just now (see `Retry-After`)',
};

const AUTH_ERRORS: Record<RouteDoc['auth'], Partial<Record<ErrorStatus, ErrorCode[]>>> = {
  public: {},
  cookie: {},
  // TWO_FACTOR_REQUIRED: an admin without two-factor sign-in while REQUIRE_ADMIN_2FA is on.
  optional: {
    401: ['INVALID_TOKEN', 'TOKEN_EXPIRED'],
    403: ['ACCOUNT_SUSPENDED', 'TWO_FACTOR_REQUIRED'],
  },
  bearer: {
    401: ['UNAUTHENTICATED', 'INVALID_TOKEN', 'TOKEN_EXPIRED'],
    403: ['ACCOUNT_SUSPENDED', 'TWO_FACTOR_REQUIRED'],
  },
};

/** The codes a route can answer, by status: its own plus those every route of its kind has. */
export function errorCodesOf(route: RouteDoc): Map<ErrorStatus, ErrorCode[]> {
  const codes = new Map<ErrorStatus, Set<ErrorCode>>();
  const add = (errors: Partial<Record<ErrorStatus, ErrorCode[]>>) => {
    for (const [status, list] of Object.entries(errors)) {
      const key = Number(status) as ErrorStatus;
      const set = codes.get(key) ?? new Set<ErrorCode>();
      for (const code of list ?? []) set.add(code);
      codes.set(key, set);
    }
  };
  add({ 500: ['INTERNAL_ERROR'] });
  if (!route.outsideApi) {
    // The URL and any body are checked on every route; the API limiter and the database too.
    add({ 400: ['VALIDATION_FAILED'], 429: ['RATE_LIMITED'], 503: ['DATABASE_UNAVAILABLE'] });
  }
  if (route.body) add({ 413: ['PAYLOAD_TOO_LARGE'], 415: ['UNSUPPORTED_MEDIA_TYPE'] });
  add(AUTH_ERRORS[route.auth]);
  add(route.errors ?? {});
  return new Map(
    [...codes.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, set]) => [status, ERROR_CODES.filter((code) => set.has(code))]),
  );
}

const errorResponse = (status: ErrorStatus, codes: ErrorCode[]): JsonSchema => ({
  description: ERROR_TITLES[status],
  ...(status === 429 || status === 503
    ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds' } } }
    : {}),
  content: {
    'application/json': {
      schema: {
        allOf: [ref('ApiErrorBody')],
        type: 'object',
        properties: { error: { type: 'object', properties: { code: { enum: codes } } } },
      },
    },
  },
});

const operationId = (method: string, path: string) =>
  method.toLowerCase() +
  path
    .split(/[/{}.-]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');

function parametersOf(route: RouteDoc, path: string): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    const doc = route.params?.[name ?? ''];
    parameters.push({
      name,
      in: 'path',
      required: true,
      description: typeof doc === 'string' ? doc : (doc?.description ?? name),
      schema: typeof doc === 'object' ? doc.schema : idSchema,
    });
  }
  if (route.querySchema) {
    const schema = CONTRACT_SCHEMAS[route.querySchema] as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { description, ...rest } = property;
      parameters.push({
        name,
        in: 'query',
        required: schema.required?.includes(name) ?? false,
        ...(description === undefined ? {} : { description }),
        schema: rest,
      });
    }
  }
  for (const param of route.query ?? []) {
    parameters.push({
      name: param.name,
      in: 'query',
      required: param.required ?? false,
      ...(param.description ? { description: param.description } : {}),
      schema: param.schema,
    });
  }
  for (const header of route.headers ?? []) {
    parameters.push({
      name: header.name,
      in: 'header',
      required: header.required ?? false,
      ...(header.description ? { description: header.description } : {}),
      schema: header.schema,
    });
  }
  return parameters;
}

function operationOf(method: string, path: string, route: RouteDoc): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    if (!response) continue;
    const types = [response.contentType ?? 'application/json'].flat();
    responses[status] = {
      description: response.description,
      ...(response.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([name, description]) => [
                name,
                { description, schema: { type: 'string' } },
              ]),
            ),
          }
        : {}),
      ...(status === '204' || status === '304'
        ? {}
        : {
            content: Object.fromEntries(
              types.map((type) => [type, response.schema ? { schema: response.schema } : {}]),
            ),
          }),
    };
  }
  for (const [status, codes] of errorCodesOf(route)) {
    responses[String(status)] = errorResponse(status, codes);
  }
  const security =
    route.auth === 'bearer'
      ? [{ bearerAuth: [] }]
      : route.auth === 'optional'
        ? [{}, { bearerAuth: [] }]
        : route.auth === 'cookie'
          ? [{ refreshCookie: [] }]
          : [];
  const description = [route.description, route.access && `Who: ${route.access}.`]
    .filter(Boolean)
    .join('\n\n');
  return {
    operationId: operationId(method, path),
    tags: [route.tag],
    summary: route.summary,
    ...(description ? { description } : {}),
    security,
    parameters: parametersOf(route, path),
    ...(route.body
      ? {
          requestBody: {
            required: route.body.required ?? true,
            content: {
              'application/json': { schema: route.body.schema },
              ...(route.body.multipart
                ? { 'multipart/form-data': { schema: route.body.multipart } }
                : {}),
            },
          },
        }
      : {}),
    responses,
  };
}

/** `GET /api/bookings/{id}` -> `['get', '/api/bookings/{id}']`. */
export function splitRouteKey(key: string): [method: string, path: string] {
  const [method = '', path = ''] = key.split(' ');
  return [method.toLowerCase(), path];
}

let built: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of the whole HTTP API, built once from the route tables. */
export function openApiDocument(): OpenApiDocument {
  if (built) return built;
  const paths: OpenApiDocument['paths'] = {};
  for (const [key, route] of Object.entries(ROUTE_DOCS)) {
    const [method, path] = splitRouteKey(key);
    paths[path] = { ...paths[path], [method]: operationOf(method, path, route) };
  }
  built = {
    openapi: '3.1.0',
    info: {
      title: 'CoachHub API',
      version: '0.1.0',
      description:
        'Find a coach, book sessions, chat live. JSON in and out; times are ISO-8601 UTC strings; ids are strings. Errors are `{ "error": { "code", "message", "details"?, "requestId"? } }`; each operation lists the codes it can answer. Lists are `{ items, page, limit, total }`. Real time (Socket.IO at `/socket.io`) is described in the repository.',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: CONTRACT_SCHEMAS,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        refreshCookie: { type: 'apiKey', in: 'cookie', name: 'coachhub_refresh' },
      },
    },
  };
  return built;
}
