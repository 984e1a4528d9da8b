/**
 * The I/O shell's reading half: reads each result file the report is made from, checks it
 * against its contract, and reads the counterexample scenarios the verifier names. A file that
 * is not there is a stage that did not run; one that cannot be read or parsed is shown with its
 * problem. Nothing here throws for a missing or broken input.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { type BenchSummary, parseBenchSummary } from './bench-summary.ts';
import type { Counterexample } from './counterexample.ts';
import type { InputSection } from './input-section.ts';
import type { ParseResult } from './parse-result.ts';
import { parseRunResults, type ScenarioRun } from './run-result.ts';
import { parseTraceRecords, type TraceRecord } from './trace-record.ts';
import { isInlineScenario, parseVerifyOutput, type VerifyOutput } from './verify-result.ts';

/** Where the report's inputs are. */
export interface ReportPaths {
  /** `sesphr run --json` output (JSON Lines). */
  readonly run: string;
  /** `sesphr run --trace` output (JSON Lines). */
  readonly trace: string;
  /** `sesphr verify --json` output. */
  readonly verify: string;
  /** `sesphr bench`'s bench.json. */
  readonly bench: string;
}

/** A path as the page shows it: relative to the working folder when under it, absolute otherwise. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel;
}

type Read = { kind: 'text'; text: string } | { kind: 'absent' } | { kind: 'error'; problem: string };

async function readText(path: string): Promise<Read> {
  try {
    return { kind: 'text', text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'error', problem: (error as Error).message };
  }
}

/** Reads and parses one input. */
export async function readSection<T>(
  path: string,
  parse: (text: string) => ParseResult<T>,
): Promise<InputSection<T>> {
  const source = shownPath(path);
  const read = await readText(path);
  switch (read.kind) {
    case 'absent':
      return { kind: 'not-run', source };
    case 'error':
      return { kind: 'unreadable', source, problem: read.problem };
    case 'text': {
      const parsed = parse(read.text);
      return parsed.kind === 'parsed'
        ? { kind: 'present', source, data: parsed.value }
        : { kind: 'unreadable', source, problem: parsed.problem };
    }
    default: {
      const unreachable: never = read;
      return unreachable;
    }
  }
}

/**
 * The counterexample of each result that names one. A path is tried as given (from the working
 * folder, where the verifier ran), then beside the verifier's output file.
 */
export async function readCounterexamples(
  verify: InputSection<VerifyOutput>,
  verifyPath: string,
): Promise<ReadonlyMap<string, Counterexample>> {
  const found = new Map<string, Counterexample>();
  if (verify.kind !== 'present') return found;
  for (const result of verify.data.results) {
    const scenario = result.scenario;
    if (scenario === undefined) continue;
    if (isInlineScenario(scenario)) {
      found.set(result.id, { kind: 'inline', yaml: scenario });
      continue;
    }
    const candidates = isAbsolute(scenario)
      ? [scenario]
      : [resolve(scenario), resolve(dirname(verifyPath), scenario)];
    let outcome: Counterexample = { kind: 'unreadable', path: scenario, problem: 'no such file' };
    for (const candidate of candidates) {
      const read = await readText(candidate);
      if (read.kind === 'text') {
        outcome = { kind: 'file', path: shownPath(candidate), yaml: read.text };
        break;
      }
      if (read.kind === 'error')
        outcome = { kind: 'unreadable', path: shownPath(candidate), problem: read.problem };
    }
    found.set(result.id, Object.freeze(outcome));
  }
  return found;
}

/** Every input at `paths`, read and checked. */
export async function readReportSections(paths: ReportPaths): Promise<{
  readonly run: InputSection<readonly ScenarioRun[]>;
  readonly trace: InputSection<readonly TraceRecord[]>;
  readonly verify: InputSection<VerifyOutput>;
  readonly bench: InputSection<BenchSummary>;
  readonly counterexamples: ReadonlyMap<string, Counterexample>;
}> {
  const [run, trace, verify, bench] = await Promise.all([
    readSection(paths.run, parseRunResults),
    readSection(paths.trace, parseTraceRecords),
    readSection(paths.verify, parseVerifyOutput),
    readSection(paths.bench, parseBenchSummary),
  ]);
  return { run, trace, verify, bench, counterexamples: await readCounterexamples(verify, paths.verify) };
}
