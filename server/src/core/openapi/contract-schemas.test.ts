import { expect, it } from 'vitest';
import { generateContractSchemas, renderGeneratedFile } from './contract-schemas.generate.js';
import { CONTRACT_SCHEMAS } from './contract-schemas.generated.js';

it('the committed DTO schemas are those the types in shared/src give today', async () => {
  const fresh = generateContractSchemas();
  // On failure: `npm run openapi:schemas -w server`, then commit contract-schemas.generated.ts.
  expect(CONTRACT_SCHEMAS).toEqual(fresh);
  // The file is exactly what the generator writes (formatted), so regenerating changes nothing.
  expect(await renderGeneratedFile(fresh)).toContain('export const CONTRACT_SCHEMAS');
}, 60_000);
