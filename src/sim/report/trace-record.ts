/**
 * What `sesphr run --trace FILE` writes: JSON Lines, one line per firing of the net, across all
 * the scenarios of the run. The contract is checked here; the simulated time may be written as
 * unix seconds or as an ISO 8601 instant, and is kept as unix seconds.
 */
import { z } from 'zod';
import { type ParseResult, parseJsonLinesWith } from './parse-result.ts';

/** One firing. */
export interface TraceRecord {
  /** The scenario the firing belongs to (as `ScenarioRun.scenario` names it). */
  readonly scenario: string;
  /** Position of the firing in its scenario's run. */
  readonly index: number;
  /** The scenario step the firing is part of (a step fires one or more transitions). */
  readonly step: number;
  readonly transition: string;
  /**
   * The binding the transition fired with, readable (`p=bob, t=…`); a binding written as an
   * object is turned into that form.
   */
  readonly binding: string;
  readonly actor: string;
  readonly outcome: string;
  /** Why a refusal was refused (`not-in-acl`, `revoked` …), when the firing is one. */
  readonly reason?: string;
  /** The protocol method the firing stands for, when it stands for one. */
  readonly call?: string;
  /** The simulated clock at the firing (the runner records it just after), unix seconds. */
  readonly simulatedTime: number;
  /** Measured wall-clock duration of the firing in milliseconds. */
  readonly ms: number;
}

const instantSeconds = z.union([
  z.number().nonnegative(),
  z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 instant')
    .transform((s) => Date.parse(s) / 1000),
]);

const recordSchema = z.looseObject({
  scenario: z.string().min(1),
  index: z.number().int().nonnegative(),
  step: z.number().int().nonnegative(),
  transition: z.string().min(1),
  binding: z
    .union([z.string(), z.record(z.string(), z.unknown())])
    .nullable()
    .optional(),
  actor: z.string().min(1),
  outcome: z.string(),
  reason: z.string().nullable().optional(),
  call: z.string().nullable().optional(),
  simulatedTime: instantSeconds,
  ms: z.number().nonnegative(),
});

const bindingText = (binding: string | Readonly<Record<string, unknown>> | null | undefined): string =>
  typeof binding === 'string'
    ? binding
    : Object.entries(binding ?? {})
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');

/** Parses a trace file, keeping its order. */
export function parseTraceRecords(text: string): ParseResult<readonly TraceRecord[]> {
  const parsed = parseJsonLinesWith(text, recordSchema);
  if (parsed.kind === 'invalid') return parsed;
  const records = parsed.value.map(
    (r): TraceRecord =>
      Object.freeze({
        scenario: r.scenario,
        index: r.index,
        step: r.step,
        transition: r.transition,
        binding: bindingText(r.binding),
        actor: r.actor,
        outcome: r.outcome,
        ...(typeof r.reason === 'string' ? { reason: r.reason } : {}),
        ...(typeof r.call === 'string' ? { call: r.call } : {}),
        simulatedTime: r.simulatedTime,
        ms: r.ms,
      }),
  );
  return { kind: 'parsed', value: Object.freeze(records) };
}
