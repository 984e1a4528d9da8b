/**
 * State-space exploration speed and memory on the Model Checking Contest's Kanban-PT-00005
 * (2,546,432 markings, 24,460,016 edges), the size the fast P/T explorer is built for. For scale on
 * a 2-core machine: verifypn (TAPAAL, tuned C++) takes about 7.2 s and 71 MB, a plain C++
 * breadth-first search about 3.4 s and 307 MB.
 *
 * `run()` is called by the driver (bench/main.ts) in a process of its own, so the peak resident set
 * it reports is this exploration's (plus Node and tsx), not an earlier benchmark's. The net is read
 * from ../shared/mcc or SESPHR_MCC_DIR, like the MCC test. Wall time on a shared machine depends on
 * the other load, so CPU time and the load average are recorded beside it.
 * @module
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePnml } from '../src/model/pnml-import.ts';
import { explorePt } from '../src/model/pt-explore.ts';

const INSTANCE = 'Kanban-PT-00005';
const EXPECTED = { states: 2_546_432, edges: 24_460_016 } as const;
const RUNS = 3;

/** One timed exploration. */
export interface KanbanRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/** What `run()` returns; the driver writes it to reports/bench/explore-kanban.json. */
export interface ExploreKanbanResult {
  readonly benchmark: 'explore-kanban';
  readonly date: string;
  readonly instance: string;
  readonly states: number;
  readonly edges: number;
  /** Whether states and edges equal the contest's figures (a fast wrong answer is no result). */
  readonly matchesContest: boolean;
  /** Median wall-clock seconds over the runs, and the runs themselves. */
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly runs: readonly KanbanRun[];
  readonly statesPerSecond: number;
  readonly edgesPerSecond: number;
  /** Peak resident set of the process (Node, tsx and the explorer) over the first run, in MB (2^20 bytes). */
  readonly peakRssMB: number;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly node: string;
    readonly loadAverage1m: number;
  };
  readonly reference: string;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Explores Kanban-PT-00005 `RUNS` times (about 4 s each) and returns the figures and timings. */
export function run(): ExploreKanbanResult {
  const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const mccDir = process.env.SESPHR_MCC_DIR ?? resolve(repository, '../shared/mcc');
  const file = join(mccDir, 'models', `${INSTANCE}.pnml`);
  const net = parsePnml(readFileSync(file, 'utf8'), file);
  const loadAverage1m = round(loadavg()[0] ?? 0, 2);

  let peakRssMB = 0;
  const timed = Array.from({ length: RUNS }, (_, index) => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const figures = explorePt(net);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // The peak of one exploration: later runs start before the garbage of earlier ones is collected.
    if (index === 0) peakRssMB = round(process.resourceUsage().maxRSS / 1024, 1);
    return { figures, seconds: round(seconds, 3), cpuSeconds: round((cpu.user + cpu.system) / 1e6, 3) };
  });
  const runs: readonly KanbanRun[] = timed.map(({ seconds, cpuSeconds }) => ({ seconds, cpuSeconds }));
  const figures = timed[timed.length - 1]!.figures;
  const seconds = median(runs.map((r) => r.seconds));
  return {
    benchmark: 'explore-kanban',
    date: new Date().toISOString(),
    instance: INSTANCE,
    states: figures.states,
    edges: figures.edges,
    matchesContest:
      figures.complete && figures.states === EXPECTED.states && figures.edges === EXPECTED.edges,
    seconds,
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    runs,
    statesPerSecond: Math.round(figures.states / seconds),
    edgesPerSecond: Math.round(figures.edges / seconds),
    peakRssMB,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      loadAverage1m,
    },
    reference:
      'verifypn (TAPAAL) about 7.2 s and 71 MB; plain C++ BFS about 3.4 s and 307 MB (same 2-core machine)',
  };
}

/** The result as a Markdown report. */
export function toMarkdown(result: ExploreKanbanResult): string {
  const count = (n: number): string => n.toLocaleString('en-US');
  return [
    `# State-space exploration: ${result.instance}`,
    '',
    `${result.date} · ${result.machine.cpu} (${result.machine.cores} cores, load ${result.machine.loadAverage1m}) · Node ${result.machine.node}`,
    '',
    '| states | edges | matches the contest | seconds (median wall) | CPU seconds | states/s | edges/s | peak RSS MB |',
    '| ---: | ---: | :---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${count(result.states)} | ${count(result.edges)} | ${result.matchesContest ? 'yes' : '**no**'} | ${result.seconds} | ${result.cpuSeconds} | ${count(result.statesPerSecond)} | ${count(result.edgesPerSecond)} | ${result.peakRssMB} |`,
    '',
    `Runs (wall s / CPU s): ${result.runs.map((r) => `${r.seconds} / ${r.cpuSeconds}`).join(', ')}.`,
    '',
    `For scale: ${result.reference}.`,
    '',
  ].join('\n');
}

/** One line for the benchmark summary. */
export function summary(result: ExploreKanbanResult): string {
  return (
    `${result.instance}: ${result.states} states, ${result.edges} edges in ${result.seconds} s ` +
    `(CPU ${result.cpuSeconds} s; ${result.statesPerSecond} states/s, ${result.edgesPerSecond} edges/s), ` +
    `peak ${result.peakRssMB} MB` +
    (result.matchesContest ? '' : ' — FIGURES DO NOT MATCH THE CONTEST')
  );
}
