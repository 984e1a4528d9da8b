/**
 * A verification report in the forms people and scripts read: the table `sesphr verify` prints,
 * the one JSON object of `--json`, and the per-property times written under `reports/verify/`.
 * Pure formatting: which files were written is passed in.
 */

import type { InstanceOptions } from './sesphr-instance.ts';
import type { PropertyResult, VerificationReport } from './sesphr-verification.ts';
import type { Verdict } from './verdict.ts';

/** Where the files of one property went, by property id. */
export type ScenarioPaths = ReadonlyMap<string, string>;

const seconds = (v: Verdict): number => Math.round(v.seconds * 1000) / 1000;

/** Z3's own decision of the property, when the default strategy asked for one. */
const confirmedBy = (r: PropertyResult): Record<string, unknown> =>
  r.confirmation === undefined
    ? {}
    : {
        confirmedBy: {
          engine: r.confirmation.engine,
          verdict: r.confirmation.kind,
          seconds: seconds(r.confirmation),
        },
      };

/**
 * The inductive invariant a reader is shown for a proof: Spacer's, when it found one (checked by
 * plain SMT), else the proving engine's own.
 */
export function shownInvariant(r: PropertyResult): string | undefined {
  if (r.verdict.kind !== 'proved') return undefined;
  return r.confirmation?.kind === 'proved' ? r.confirmation.invariant : r.verdict.invariant;
}

/** The verdict's evidence as JSON fields: the invariant, the attack, or why it is unknown. */
function evidence(r: PropertyResult, scenarios: ScenarioPaths): Record<string, unknown> {
  const v = r.verdict;
  switch (v.kind) {
    case 'proved': {
      const invariant = shownInvariant(r);
      return {
        invariant,
        ...(invariant === v.invariant ? {} : { reachable: v.invariant }),
        ...confirmedBy(r),
      };
    }
    case 'violated':
      return {
        trace: r.attack ?? [],
        ...confirmedBy(r),
        ...(scenarios.has(r.id) ? { scenario: scenarios.get(r.id) } : {}),
        ...(r.scenario === undefined ? {} : { scenarioReproduced: r.scenario.reproduced }),
      };
    case 'unknown':
      return { reason: v.reason, detail: v.detail, ...confirmedBy(r) };
    default: {
      const bad: never = v;
      return bad;
    }
  }
}

/** The one JSON object of `sesphr verify --json`. */
export function verificationJson(
  report: VerificationReport,
  options: InstanceOptions,
  scenarios: ScenarioPaths,
): Record<string, unknown> {
  return {
    instance: {
      users: options.users,
      files: options.files,
      variant: report.variant,
      profiles: report.instances.map((i) => ({
        profile: i.profile,
        description: i.description,
        variables: i.variables,
        transitions: i.transitions,
      })),
    },
    engine: report.engine,
    results: [
      ...report.results.map((r) => ({
        id: r.id,
        title: r.title,
        verdict: r.verdict.kind,
        engine: r.verdict.engine,
        seconds: seconds(r.verdict),
        expected: r.expected === 'holds' ? 'proved' : 'violated',
        matches: r.matches,
        instance: r.instance,
        ...(r.coalition === undefined ? {} : { coalition: r.coalition }),
        ...evidence(r, scenarios),
        mutants: r.mutants.map((m) => ({ name: m.name, verdict: m.verdict.kind })),
        vacuous: r.vacuous,
      })),
      {
        id: report.tested.id,
        title: report.tested.title,
        verdict: report.tested.verdict,
        // Checked by the test suite, not by an engine: no engine, no engine time.
        engine: 'tests',
        seconds: 0,
        tests: report.tested.tests,
      },
    ],
    passed: report.passed,
    seconds: report.seconds,
  };
}

const pad = (s: string, n: number): string => s.padEnd(n);

/** The table `sesphr verify` prints: property, verdict, engine, time, instance, mutants. */
export function verificationTable(report: VerificationReport, scenarios: ScenarioPaths): string {
  const rows = report.results.map((r) => {
    const verdict = `${r.verdict.kind}${r.matches ? '' : ` (expected ${r.expected === 'holds' ? 'proved' : 'violated'})`}`;
    const mutants =
      r.mutants.length === 0
        ? r.verdict.kind === 'proved'
          ? 'none checked'
          : '-'
        : r.mutants.map((m) => `${m.name}: ${m.verdict.kind}`).join(', ') + (r.vacuous ? ' (VACUOUS)' : '');
    return [r.id, verdict, r.verdict.engine, `${r.verdict.seconds.toFixed(1)} s`, r.instance, mutants];
  });
  rows.push([report.tested.id, 'tested', '-', '-', '-', report.tested.tests[0] ?? '']);
  const head = ['property', 'verdict', 'engine', 'time', 'instance', 'mutants'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ');
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  out.push(`variant ${report.variant}; instances:`);
  for (const i of report.instances)
    out.push(`  ${i.profile}: ${i.description} (${i.variables} variables, ${i.transitions} transitions)`);
  const setOnly: string[] = [];
  for (const r of report.results) {
    if (r.verdict.kind !== 'proved') continue;
    const byZ3 = r.verdict.engine !== 'bdd' ? r.verdict : r.confirmation;
    if (byZ3?.kind === 'proved') out.push(`${r.id}: inductive invariant (${byZ3.engine}): ${byZ3.invariant}`);
    else setOnly.push(r.id);
  }
  if (setOnly.length > 0)
    out.push(`${setOnly.join(', ')}: the inductive invariant is the reachable set (its size: --json)`);
  for (const r of report.results) {
    if (r.verdict.kind === 'unknown')
      out.push(`${r.id}: ${r.verdict.reason}: ${r.verdict.detail} (not a proof)`);
    const path = scenarios.get(r.id);
    if (path !== undefined)
      out.push(`${r.id}: attack of ${r.attack?.length ?? 0} firings; replay: npx sesphr run ${path}`);
  }
  const mismatches = report.results.filter((r) => !r.matches).map((r) => r.id);
  out.push(
    mismatches.length === 0
      ? `every verdict is the one SPEC section 5 expects for ${report.variant} (${report.seconds.toFixed(1)} s)`
      : `not as SPEC section 5 expects for ${report.variant}: ${mismatches.join(', ')} (${report.seconds.toFixed(1)} s)`,
  );
  return `${out.join('\n')}\n`;
}

/** Per-property times (`reports/verify/times.json`). */
export function timesJson(report: VerificationReport): Record<string, unknown> {
  return {
    variant: report.variant,
    engine: report.engine,
    seconds: report.seconds,
    properties: report.results.map((r) => ({
      id: r.id,
      verdict: r.verdict.kind,
      engine: r.verdict.engine,
      seconds: seconds(r.verdict),
      ...(r.confirmation === undefined
        ? {}
        : {
            z3: {
              engine: r.confirmation.engine,
              verdict: r.confirmation.kind,
              seconds: seconds(r.confirmation),
            },
          }),
      mutants: r.mutants.map((m) => ({ name: m.name, verdict: m.verdict.kind, seconds: seconds(m.verdict) })),
    })),
  };
}

/** Z3's own decision as a Markdown cell: `chc proved, 1.33` or `-`. */
const z3Cell = (r: PropertyResult): string =>
  r.confirmation === undefined
    ? '-'
    : `${r.confirmation.engine} ${r.confirmation.kind}, ${r.confirmation.seconds.toFixed(2)}`;

/** Per-property times as a Markdown table (`reports/verify/times.md`). */
export function timesMarkdown(report: VerificationReport): string {
  const lines = [
    `# sesphr verify: times (variant ${report.variant}, engine ${report.engine})`,
    '',
    '| property | verdict | engine | seconds | Z3 on its own (seconds) | mutants (verdict, seconds) |',
    '| --- | --- | --- | ---: | --- | --- |',
    ...report.results.map(
      (r) =>
        `| ${r.id} | ${r.verdict.kind} | ${r.verdict.engine} | ${r.verdict.seconds.toFixed(2)} | ${z3Cell(r)} | ${
          r.mutants.map((m) => `${m.name} (${m.verdict.kind}, ${m.verdict.seconds.toFixed(2)})`).join('; ') ||
          '-'
        } |`,
    ),
    '',
    `Whole run: ${report.seconds.toFixed(1)} s. A property decided by the shared reachability run shows that run's time; Z3 on its own is BMC confirming a violation or Spacer looking for a readable invariant of a proof (unknown: none within its budget, the BDD proof stands).`,
    '',
  ];
  return lines.join('\n');
}
