/**
 * What `sesphr verify --json` prints: one object, the instance the properties were checked on
 * and one result per property. Checked here against that contract; fields the contract leaves
 * open (the invariant's and the trace's form) are kept as they came and shown as written.
 */
import { z } from 'zod';
import { type ParseResult, parseJsonWith } from './parse-result.ts';

/** One mutant of the net and the verdict the verifier gave the property under it. */
export interface MutantResult {
  readonly name: string;
  readonly verdict: string;
}

/** One property's result. */
export interface PropertyResult {
  /** `P1`, `P3` … `P13` (SPEC section 5). */
  readonly id: string;
  /** `proved`, `violated` or `unknown`. */
  readonly verdict: string;
  /** The engine that decided it, e.g. `chc`, `kind`, `bmc`. */
  readonly engine: string;
  readonly seconds: number;
  /** The inductive invariant of a proof, as the verifier prints it. */
  readonly invariant?: unknown;
  /** The counterexample path of a violation, as the verifier prints it. */
  readonly trace?: unknown;
  /** The counterexample as a scenario: a path to its YAML file, or the YAML itself. */
  readonly scenario?: string;
  /** Why the verdict is `unknown` (a timeout, a bound reached), when the verifier says. */
  readonly reason?: string;
  /** What was established all the same (e.g. `no violation up to depth 10`), when it says. */
  readonly detail?: string;
  /** The verdict SPEC section 5 expects, when the verifier states it. */
  readonly expected?: string;
  readonly mutants: readonly MutantResult[];
}

/** The whole output. */
export interface VerifyOutput {
  /** The finite instance (counts of owners, users, files, versions, depth …). */
  readonly instance: Readonly<Record<string, unknown>>;
  readonly results: readonly PropertyResult[];
}

const resultSchema = z.looseObject({
  id: z.string().min(1),
  verdict: z.string().min(1),
  engine: z.string(),
  seconds: z.number().nonnegative(),
  invariant: z.unknown().optional(),
  trace: z.unknown().optional(),
  scenario: z.string().min(1).nullable().optional(),
  reason: z.string().nullable().optional(),
  detail: z.string().nullable().optional(),
  expected: z.string().nullable().optional(),
  mutants: z.array(z.looseObject({ name: z.string().min(1), verdict: z.string().min(1) })).optional(),
});

/**
 * A property no engine decides (P2, crypto correctness) comes as `{id, verdict: 'tested', tests}`;
 * the page lists it from SPEC's table, so such entries are accepted and set aside.
 */
const testedSchema = z.looseObject({ id: z.string().min(1), verdict: z.literal('tested') });

const outputSchema = z.looseObject({
  instance: z.record(z.string(), z.unknown()),
  results: z.array(z.union([testedSchema, resultSchema])),
});

const decided = (
  raw: z.output<typeof testedSchema> | z.output<typeof resultSchema>,
): raw is z.output<typeof resultSchema> => raw.verdict !== 'tested';

function toResult(raw: z.output<typeof resultSchema>): PropertyResult {
  const result: { -readonly [K in keyof PropertyResult]: PropertyResult[K] } = {
    id: raw.id,
    verdict: raw.verdict,
    engine: raw.engine,
    seconds: raw.seconds,
    mutants: Object.freeze(
      (raw.mutants ?? []).map((m) => Object.freeze({ name: m.name, verdict: m.verdict })),
    ),
  };
  if (raw.invariant !== undefined && raw.invariant !== null) result.invariant = raw.invariant;
  if (raw.trace !== undefined && raw.trace !== null) result.trace = raw.trace;
  if (typeof raw.scenario === 'string') result.scenario = raw.scenario;
  if (typeof raw.reason === 'string') result.reason = raw.reason;
  if (typeof raw.detail === 'string') result.detail = raw.detail;
  if (typeof raw.expected === 'string') result.expected = raw.expected;
  return Object.freeze(result);
}

/** Parses what `sesphr verify --json` printed. */
export function parseVerifyOutput(text: string): ParseResult<VerifyOutput> {
  const parsed = parseJsonWith(text, outputSchema);
  if (parsed.kind === 'invalid') return parsed;
  return {
    kind: 'parsed',
    value: Object.freeze({
      instance: Object.freeze({ ...parsed.value.instance }),
      results: Object.freeze(parsed.value.results.filter(decided).map(toResult)),
    }),
  };
}

/**
 * True when `scenario` is the YAML of the counterexample rather than a path to it: a path is one
 * line, a scenario file never is.
 */
export const isInlineScenario = (scenario: string): boolean => scenario.includes('\n');
