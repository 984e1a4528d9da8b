/**
 * One stage as a child process: its stdout saved as the result file, its stderr passed on and its
 * end kept for the page, its exit code, a stage that hangs stopped, one that cannot start said so.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStage } from '../../../src/sim/main-job/run-stage.ts';
import type { StagePlan } from '../../../src/sim/main-job/stage-plan.ts';
import { fakeSesphr } from './fake-sesphr.ts';

const plan = (name: string, out: string, extra: Partial<StagePlan> = {}): StagePlan => ({
  name,
  purpose: name,
  args: [name],
  stdoutFile: join(out, 'sub', 'result.json'),
  stale: [join(out, 'sub', 'result.json')],
  folders: [join(out, 'sub')],
  timeoutSeconds: 60,
  ...extra,
});

const launcher = fakeSesphr({
  ok: { stdout: '{"a":1}\n', stderr: 'working\r\nstill working\npartial' },
  fail: {
    stdout: 'half',
    stderr: Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n'),
    exitCode: 3,
  },
  quiet: { exitCode: 2 },
  hang: { hang: true },
});

describe.concurrent('runStage', () => {
  it('saves stdout as the result file and passes every stderr line on', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stage-'));
    const lines: string[] = [];
    const outcome = await runStage(plan('ok', out), launcher, 'sesphr ok', (l) => lines.push(l));
    expect(outcome).toMatchObject({ kind: 'passed', stage: 'ok', command: 'sesphr ok' });
    expect(readFileSync(join(out, 'sub', 'result.json'), 'utf8')).toBe('{"a":1}\n');
    expect(lines).toEqual(['working', 'still working', 'partial']);
  });

  it('reports a failing stage with its exit code and the last 30 lines of its stderr, keeping what it printed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stage-'));
    const outcome = await runStage(plan('fail', out), launcher, 'sesphr fail', () => {});
    expect(outcome).toMatchObject({ kind: 'failed', exitCode: 3 });
    expect(outcome.kind === 'failed' && outcome.stderrTail.split('\n')).toEqual(
      Array.from({ length: 30 }, (_, i) => `line ${i + 11}`),
    );
    expect(readFileSync(join(out, 'sub', 'result.json'), 'utf8')).toBe('half');
  });

  it('removes an earlier result and leaves none when the stage prints nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stage-'));
    const stale = plan('quiet', out);
    await runStage(plan('ok', out), launcher, 'sesphr ok', () => {});
    expect(existsSync(stale.stdoutFile!)).toBe(true);
    const outcome = await runStage(stale, launcher, 'sesphr quiet', () => {});
    expect(outcome).toMatchObject({ kind: 'failed', exitCode: 2, stderrTail: '' });
    expect(existsSync(stale.stdoutFile!)).toBe(false);
  });

  it('stops a stage that outlives its limit', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stage-'));
    const outcome = await runStage(
      plan('hang', out, { timeoutSeconds: 1 }),
      launcher,
      'sesphr hang',
      () => {},
    );
    expect(outcome).toMatchObject({ kind: 'killed', reason: 'timed out after 1 s' });
  });

  it('says when the command cannot be started at all', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stage-'));
    const missing = join(out, 'no-node');
    const outcome = await runStage(plan('ok', out), { node: missing, prefix: [] }, 'sesphr ok', () => {});
    expect(outcome).toMatchObject({ kind: 'not-started', reason: expect.stringContaining('ENOENT') });
  });
});
