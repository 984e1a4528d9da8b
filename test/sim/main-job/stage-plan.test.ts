/** The main job's plan: the three commands, their arguments, where their results go. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageCommand } from '../../../src/sim/main-job/main-job.ts';
import { mainJobStages } from '../../../src/sim/main-job/stage-plan.ts';

describe('mainJobStages', () => {
  const plans = mainJobStages({ out: '/o', scenarios: '/s' });

  it('runs every scenario with JSON and a trace, verifies with JSON, runs the quick benchmark, under --out', () => {
    expect(plans.map((p) => [p.name, p.args, p.stdoutFile])).toEqual([
      ['run', ['run', '/s', '--json', '--trace', '/o/run/trace.jsonl'], '/o/run/results.jsonl'],
      ['verify', ['verify', '--json', '--out', '/o/verify'], '/o/verify/verify.json'],
      ['bench', ['bench', '--quick', '--out', '/o/bench'], undefined],
    ]);
  });

  it('clears each stage’s earlier results before it runs, and makes its folders', () => {
    expect(plans.map((p) => [p.stale, p.folders])).toEqual([
      [['/o/run/results.jsonl', '/o/run/trace.jsonl'], ['/o/run']],
      [['/o/verify/verify.json'], ['/o/verify']],
      [['/o/bench/bench.json'], ['/o/bench']],
    ]);
  });

  it('shows each stage as a command a reader can type, paths relative to the working folder', () => {
    const here = mainJobStages({
      out: join(process.cwd(), 'reports'),
      scenarios: join(process.cwd(), 'scenarios'),
    });
    expect(here.map(stageCommand)).toEqual([
      'sesphr run scenarios --json --trace reports/run/trace.jsonl > reports/run/results.jsonl',
      'sesphr verify --json --out reports/verify > reports/verify/verify.json',
      'sesphr bench --quick --out reports/bench',
    ]);
  });
});
