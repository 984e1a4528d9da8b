/**
 * The native-z3 cross-check shared by the tests that export SMT-LIB queries: the check fails when
 * `z3` is not on PATH (CI installs the Debian package), unless SESPHR_NO_NATIVE_Z3=1 asks to skip
 * it, and then the skip is reported, never silent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { nativeZ3Version, runNativeZ3 } from '../../src/verify/native-z3.ts';
import { writeSmtQueries } from '../../src/verify/smt-files.ts';
import type { SmtQuery } from '../../src/verify/smtlib.ts';

const version = nativeZ3Version();
const optedOut = process.env.SESPHR_NO_NATIVE_Z3 === '1';

/** A `describe` holding one test, `check`, that runs only where native z3 can answer. */
export function describeNativeZ3(
  title: string,
  test: string,
  check: () => Promise<void>,
  timeoutMs: number,
): void {
  describe(title, () => {
    if (version === null && optedOut) {
      it('native z3 absent (SESPHR_NO_NATIVE_Z3=1)', (ctx) => ctx.skip());
      return;
    }
    it(
      test,
      async () => {
        if (version === null) {
          throw new Error(
            'native z3 is not on PATH: install the Debian package (apt-get install -y z3), or set SESPHR_NO_NATIVE_Z3=1 to skip this check',
          );
        }
        await check();
      },
      timeoutMs,
    );
  });
}

/**
 * Writes `queries` to a fresh folder, runs native z3 on each and lists every disagreement with the
 * in-process answer (or an error printed); `inspect` sees the files before they are removed.
 */
export async function nativeDisagreements(
  queries: readonly SmtQuery[],
  timeoutMs: number,
  inspect?: (paths: readonly string[]) => Promise<void>,
): Promise<readonly string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'sesphr-smt-'));
  try {
    const paths = await writeSmtQueries(dir, queries);
    await inspect?.(paths);
    const disagreements: string[] = [];
    for (const [i, q] of queries.entries()) {
      const run = await runNativeZ3(paths[i]!, { timeoutMs });
      if (run.answer !== q.answer || run.output.includes('(error'))
        disagreements.push(`${q.id}: in-process ${q.answer}, native ${run.answer}: ${run.output.trim()}`);
    }
    return disagreements;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
