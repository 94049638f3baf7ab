import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes, type RouteEntry } from '../../../test/route-inventory.js';
import { documentKeyOf } from '../../../test/contract.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import type { JsonSchema } from './json-schema.js';
import { openApiDocument, ROUTE_DOCS, splitRouteKey } from './openapi-document.js';

/*
 * The document and the router describe the same API: every route the router holds has an entry
 * (a new route without one fails here), no entry describes a route that is gone, and every input
 * a route's validation reads is named in the document.
 */

let t: TestServer;
let routes: RouteEntry[];

beforeAll(async () => {
  t = await startTestServer(import.meta.filename);
  routes = await listRoutes(t.server.app);
});

afterAll(async () => {
  await t.close();
});

const documentKey = documentKeyOf;

const document = openApiDocument();
type Operation = {
  parameters: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
};
const operationOf = (key: string) => {
  const [method, path] = splitRouteKey(key);
  return document.paths[path]?.[method] as Operation | undefined;
};

/** Top-level property names a body schema allows (through `$ref`, `allOf` and `anyOf`). */
function propertiesOf(schema: JsonSchema | undefined, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (!schema) return names;
  const target = schema.$ref;
  if (typeof target === 'string') {
    const name = target.replace('#/components/schemas/', '');
    if (seen.has(name)) return names;
    seen.add(name);
    return propertiesOf(document.components.schemas[name], seen);
  }
  for (const name of Object.keys((schema.properties as JsonSchema | undefined) ?? {})) {
    names.add(name);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    for (const part of (schema[keyword] as JsonSchema[] | undefined) ?? []) {
      for (const name of propertiesOf(part, seen)) names.add(name);
    }
  }
  return names;
}

/** Fields validation reads on purpose but the contract leaves out. */
const UNDOCUMENTED_FIELDS = new Set([
  // Ignored: registration always makes a client (api.md); read only to be dropped.
  'POST /api/auth/register body role',
]);

describe('the OpenAPI document', () => {
  it('has an entry for every route the router holds', () => {
    const missing = routes.map(documentKey).filter((key) => !ROUTE_DOCS[key]);
    // Add the route to a table in src/core/openapi/paths/.
    expect(missing).toEqual([]);
  });

  it('describes no route the router does not hold', () => {
    const mounted = new Set(routes.map(documentKey));
    expect(Object.keys(ROUTE_DOCS).filter((key) => !mounted.has(key))).toEqual([]);
  });

  it('names every parameter, header and body field the validation reads', () => {
    const undocumented: string[] = [];
    for (const route of routes) {
      const key = documentKey(route);
      const operation = operationOf(key);
      if (!operation) continue;
      const named = (where: string) =>
        new Set(operation.parameters.filter((p) => p.in === where).map((p) => p.name));
      const bodyFields = new Set<string>();
      for (const media of Object.values(operation.requestBody?.content ?? {})) {
        for (const name of propertiesOf(media.schema)) bodyFields.add(name);
      }
      for (const { location, path } of route.fields) {
        const top = path.split(/[.[]/)[0] ?? '';
        if (top === '' || UNDOCUMENTED_FIELDS.has(`${key} ${location} ${top}`)) continue;
        const documented =
          location === 'body'
            ? bodyFields.has(top)
            : location === 'params'
              ? named('path').has(top)
              : location === 'query'
                ? named('query').has(top)
                : location === 'headers'
                  ? [...named('header')].some((name) => name.toLowerCase() === top.toLowerCase())
                  : true;
        if (!documented) undocumented.push(`${key} ${location} ${top}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('declares each path parameter of each path', () => {
    for (const [key] of Object.entries(ROUTE_DOCS)) {
      const [, path] = splitRouteKey(key);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = operationOf(key)
        ?.parameters.filter((p) => p.in === 'path')
        .map((p) => p.name);
      expect(declared, key).toEqual(inPath);
    }
  });

  it('has schemas ajv compiles strictly, with every reference resolved', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    ajv.addFormat('date-time', true);
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      expect(document.components.schemas, `$ref ${name}`).toHaveProperty([name ?? '']);
    }
    const root = JSON.parse(text.replaceAll('#/components/schemas/', 'doc#/$defs/')) as {
      components: { schemas: JsonSchema };
    };
    ajv.addSchema({ $id: 'doc', $defs: root.components.schemas });
    for (const name of Object.keys(root.components.schemas)) {
      expect(() => ajv.getSchema(`doc#/$defs/${name}`), name).not.toThrow();
    }
  });

  it('answers every documented error with the standard error body and a listed code', () => {
    for (const [key] of Object.entries(ROUTE_DOCS)) {
      const responses = operationOf(key)?.responses ?? {};
      expect(Object.keys(responses), key).toContain('500');
    }
  });
});

describe('serving the document', () => {
  it('GET /api/openapi.json answers the document, public', async () => {
    const res = await t.http.get('/api/openapi.json').expect(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
    expect(res.body).toMatchObject({ openapi: '3.1.0' });
  });

  it('GET /api/docs renders it with Swagger UI from this server, under the default CSP', async () => {
    const page = await t.http
      .get('/api/docs')
      .expect(200)
      .expect('Content-Type', /text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(['docs/swagger-ui.css', 'docs/swagger-ui-bundle.js', 'docs/init.js']);
    for (const asset of assets) {
      const res = await t.http.get(`/api/${asset}`).expect(200);
      expect(res.text.length).toBeGreaterThan(10);
    }
    const init = await t.http.get('/api/docs/init.js');
    expect(init.text).toContain("url: 'openapi.json'");
    await t.http.get('/api/docs/package.json').expect(404);
  });
});
