import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type request from 'supertest';
import type { Response } from 'supertest';
import type { JsonSchema } from '../src/core/openapi/json-schema.js';
import {
  openApiDocument,
  ROUTE_DOCS,
  splitRouteKey,
} from '../src/core/openapi/openapi-document.js';

/*
 * Every response a test receives through `startTestServer().http` is checked against the OpenAPI
 * document (`src/core/openapi`): the route must be documented, the status listed for it, and a
 * JSON body must match the schema of that status (error bodies: one of the codes listed). A
 * mismatch fails the request's test, so the document cannot drift from what the server answers.
 */

const ROOT_ID = 'coachhub-contract';

/** `#/components/schemas/X` -> the same schema inside the one ajv root. */
function forAjv(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forAjv);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string'
        ? inner.replace('#/components/schemas/', `${ROOT_ID}#/$defs/`)
        : forAjv(inner);
  }
  return out;
}

interface Operation {
  key: string;
  pattern: RegExp;
  params: number;
  /** status -> media type -> schema (undefined: any body of that type). */
  responses: Map<number, Map<string, JsonSchema | undefined>>;
  /** status -> the error codes the document lists for it. */
  errorCodes: Map<number, string[]>;
}

const ERROR_BODY = { $ref: '#/components/schemas/ApiErrorBody' };

/** An error response of the document: the standard body, narrowed to the listed codes. */
function errorCodesIn(schema: JsonSchema | undefined): string[] | undefined {
  const parts = schema?.allOf as JsonSchema[] | undefined;
  if (parts?.[0]?.$ref !== ERROR_BODY.$ref) return undefined;
  const error = (schema?.properties as { error?: { properties?: { code?: { enum?: string[] } } } })
    .error;
  return error?.properties?.code?.enum;
}

let cache: { ajv: Ajv2020; operations: Operation[] } | undefined;
const validators = new Map<string, ValidateFunction>();

function contract() {
  if (cache) return cache;
  const document = openApiDocument();
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  // ajv-formats is typed against its own copy of ajv 8; the instance is the same class.
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addSchema({ $id: ROOT_ID, $defs: forAjv(document.components.schemas) as JsonSchema });
  const operations: Operation[] = [];
  for (const [key, route] of Object.entries(ROUTE_DOCS)) {
    const [method, path] = splitRouteKey(key);
    const operation = document.paths[path]?.[method] as
      | { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }
      | undefined;
    const responses = new Map<number, Map<string, JsonSchema | undefined>>();
    const errorCodes = new Map<number, string[]>();
    for (const [status, response] of Object.entries(operation?.responses ?? {})) {
      const codes = errorCodesIn(response.content?.['application/json']?.schema);
      if (codes) errorCodes.set(Number(status), codes);
      responses.set(
        Number(status),
        new Map(
          Object.entries(response.content ?? {}).map(([type, media]) => [type, media.schema]),
        ),
      );
    }
    const source = path
      .split(/(\{\w+\})/)
      .map((part) =>
        part.startsWith('{')
          ? route.staticMount
            ? '.+'
            : '[^/]+'
          : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
      )
      .join('');
    operations.push({
      key,
      pattern: new RegExp(`^${method.toUpperCase()} ${source}$`),
      params: (path.match(/\{/g) ?? []).length,
      responses,
      errorCodes,
    });
  }
  // Literal segments win: `/api/notifications/read-all` before `/api/notifications/{id}/...`.
  operations.sort((a, b) => a.params - b.params);
  cache = { ajv, operations };
  // Compiled now, so the first error a test times is not slowed down by it.
  validatorFor(ERROR_BODY);
  return cache;
}

/** One compiled validator per distinct schema (many routes answer the same DTO). */
function validatorFor(schema: JsonSchema): ValidateFunction {
  const id = JSON.stringify(schema);
  let validate = validators.get(id);
  if (!validate) {
    validate = contract().ajv.compile(forAjv(schema) as JsonSchema);
    validators.set(id, validate);
  }
  return validate;
}

const mediaType = (header: unknown) =>
  String(header ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase() ?? '';

function typeMatches(documented: string, actual: string): boolean {
  if (documented === actual) return true;
  if (documented.endsWith('/*')) return actual.startsWith(documented.slice(0, -1));
  return documented === 'text/javascript' && actual === 'application/javascript';
}

/** What is wrong with this answer by the document, or undefined when it keeps the contract. */
export function contractViolation(
  method: string,
  url: string,
  res: Pick<Response, 'status' | 'headers' | 'body' | 'text'>,
): string | undefined {
  const { operations } = contract();
  // CORS preflights are answered by the cors middleware for any path, not by a route.
  if (method.toUpperCase() === 'OPTIONS') return undefined;
  const path = new URL(url, 'http://x').pathname;
  const target = `${method.toUpperCase()} ${path}`;
  const operation = operations.find((candidate) => candidate.pattern.test(target));
  const type = mediaType(res.headers['content-type']);
  if (!operation) {
    // Unknown routes answer the API's error body (404 ROUTE_NOT_FOUND); nothing else may exist.
    if (res.status === 404 && type === 'application/json') {
      const validate = validatorFor(ERROR_BODY);
      if (
        validate(res.body) &&
        (res.body as { error: { code: string } }).error.code === 'ROUTE_NOT_FOUND'
      ) {
        return undefined;
      }
    }
    return `${target} is not in the OpenAPI document (answered ${res.status})`;
  }
  const media = operation.responses.get(res.status);
  const where = `${operation.key} -> ${res.status}`;
  if (!media) {
    return `${where}: status not documented (documented: ${[...operation.responses.keys()].join(', ')}); body: ${res.text?.slice(0, 300)}`;
  }
  if (media.size === 0) {
    return res.text ? `${where}: documented without a body, but one was sent` : undefined;
  }
  const documentedType = [...media.keys()].find((candidate) => typeMatches(candidate, type));
  if (!documentedType) {
    return `${where}: content type ${type || '(none)'} not documented (${[...media.keys()].join(', ')})`;
  }
  const schema = media.get(documentedType);
  if (!schema || documentedType !== 'application/json') return undefined;
  const codes = operation.errorCodes.get(res.status);
  const validate = validatorFor(codes ? ERROR_BODY : schema);
  if (validate(res.body)) {
    const code = (res.body as { error?: { code?: string } }).error?.code ?? '';
    if (!codes || codes.includes(code)) return undefined;
    return `${where}: error code ${code} is not listed for this status (listed: ${codes.join(', ')})`;
  }
  const errors = (validate.errors ?? [])
    .slice(0, 8)
    .map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`)
    .join('; ');
  return `${where}: body does not match the documented schema: ${errors}; body: ${JSON.stringify(res.body).slice(0, 400)}`;
}

/**
 * The document's key of a route the router lists: `GET /api/bookings/:id` -> `GET /api/bookings/{id}`;
 * static files mounted at a prefix (listed as `GET <prefix>/x`) -> their `staticMount` entry.
 */
export function documentKeyOf(route: { method: string; path: string }): string {
  const key = `${route.method} ${route.path.replace(/[:*](\w+)/g, '{$1}')}`;
  if (ROUTE_DOCS[key]) return key;
  const mounted = Object.entries(ROUTE_DOCS).find(
    ([docKey, doc]) => doc.staticMount && key === docKey.replace(/\{\w+\}$/, 'x'),
  );
  return mounted?.[0] ?? key;
}

type Agent = ReturnType<typeof request>;
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

/** supertest whose every request also checks its answer against the document. */
export function contractChecked(agent: Agent): Agent {
  contract();
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') {
        return value;
      }
      const method = property === 'del' ? 'delete' : property;
      return (url: string) => {
        const test = (value as (url: string) => request.Test).call(target, url);
        return test.expect((res: Response) => {
          const violation = contractViolation(method, url, res);
          if (violation) throw new Error(`OpenAPI contract: ${violation}`);
        });
      };
    },
  });
}
