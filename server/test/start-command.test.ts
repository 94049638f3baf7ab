import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** The Node flags of `npm run serve -w server`, which `npm start` runs. */
function serveFlags(): string[] {
  const { scripts } = JSON.parse(read('server/package.json')) as { scripts: { serve: string } };
  return scripts.serve.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** The Node flags of the container's CMD (its JSON array form). */
function dockerFlags(): string[] {
  const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
  if (!cmd) throw new Error('Dockerfile has no CMD in JSON form');
  return (JSON.parse(cmd) as string[]).filter((word) => word.startsWith('--'));
}

describe('the server start command', () => {
  it('gives the old generation room before its first major collection (chat latency)', () => {
    expect(serveFlags()).toContain('--initial-old-space-size=512');
  });

  it('starts the container with the same Node flags as npm start', () => {
    expect(dockerFlags()).toEqual(serveFlags());
  });
});
