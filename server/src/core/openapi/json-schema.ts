/**
 * A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as plain data. Kept loose on purpose: the
 * schemas come from the generator or from the route table and are checked by ajv in the tests.
 */
export type JsonSchema = { [keyword: string]: unknown };

/** `$ref` to a schema in `components.schemas`. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
