import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const MODULES = path.join(REPO_ROOT, 'server/src/modules');

/** The rules `npm run lint` reports for this source at this path (the file need not exist). */
async function ruleIdsFor(eslint: ESLint, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

describe('lint-enforced import boundaries (eslint.config.js)', () => {
  it("refuses another module's model, even within scheduling", async () => {
    const users = path.join(MODULES, 'users/probe.ts');
    expect(
      await ruleIdsFor(
        eslint,
        users,
        "import { Coach } from '../coaches/coach.model.js';\nexport const probe = Coach;\n",
      ),
    ).toContain('no-restricted-imports');
    const pricing = path.join(MODULES, 'scheduling/pricing/probe.ts');
    expect(
      await ruleIdsFor(
        eslint,
        pricing,
        "import { Booking } from '../bookings/booking.model.js';\nexport const probe = Booking;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('refuses an import that runs back up, and allows one that runs down', async () => {
    const availability = path.join(MODULES, 'scheduling/availability/probe.ts');
    expect(
      await ruleIdsFor(
        eslint,
        availability,
        "import { coachBookedTimes } from '../bookings/booked-times.js';\nexport const probe = coachBookedTimes;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
    const bookings = path.join(MODULES, 'scheduling/bookings/probe.ts');
    expect(
      await ruleIdsFor(
        eslint,
        bookings,
        "import { loadAvailability } from '../availability/availability-store.js';\nexport const probe = loadAvailability;\n",
      ),
    ).toEqual([]);
  });

  it('keeps core/ free of modules', async () => {
    expect(
      await ruleIdsFor(
        eslint,
        path.join(REPO_ROOT, 'server/src/core/probe.ts'),
        "import { findUserById } from '../modules/users/user-accounts.js';\nexport const probe = findUserById;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
  });

  it('refuses an import between client features, and shared client code importing a feature', async () => {
    const client = (file: string) => path.join(REPO_ROOT, 'client/src', file);
    expect(
      await ruleIdsFor(
        eslint,
        client('features/bookings/components/probe.ts'),
        "import { coachQueryOptions } from '@/features/coaches/api/get-coach';\nexport const probe = coachQueryOptions;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
    expect(
      await ruleIdsFor(
        eslint,
        client('lib/probe.ts'),
        "import { coachQueryOptions } from '@/features/coaches/api/get-coach';\nexport const probe = coachQueryOptions;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
  });

  describe('import cycles', () => {
    let folder: string;
    beforeAll(async () => {
      // A cycle needs both files on disk; a throwaway folder inside a module holds them.
      folder = await mkdtemp(path.join(MODULES, 'scheduling/pricing/cycle-probe-'));
      await writeFile(
        path.join(folder, 'a.ts'),
        "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n",
      );
      await writeFile(
        path.join(folder, 'b.ts'),
        "import { a } from './a.js';\nexport const b = (): number => a() - 1;\n",
      );
    });
    afterAll(() => rm(folder, { recursive: true, force: true }));

    it('refuses them', async () => {
      const [result] = await eslint.lintFiles([path.join(folder, 'a.ts')]);
      expect(result?.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
    });
  });
});
