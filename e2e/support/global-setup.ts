import type { TestProject } from 'vitest/node';
import { startProductServer } from './product-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the production server under test, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

/** The product with the demo's configuration (payment at the session), shared by the journeys. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startProductServer();
  project.provide('baseUrl', server.baseUrl);
  return () => server.stop();
}
