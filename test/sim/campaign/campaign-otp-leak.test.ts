import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CampaignConfig,
  type CampaignResult,
  campaignFilePath,
  campaignFileText,
  runCampaign,
} from '../../../src/sim/campaign/index.ts';
import { parseScenario } from '../../../src/sim/scenario/index.ts';
import { sesphr } from '../../cli/sesphr-process.ts';

const config: CampaignConfig = { runs: 200, length: 6, seed: 42, variant: 'otp-leak' };

/** A result without its wall-clock time, for comparing two campaigns. */
const timeless = ({ seconds: _, failure, ...rest }: CampaignResult) => ({
  ...rest,
  finding: failure?.finding,
  shrinks: failure?.shrinks,
  failedRun: failure?.failedRun,
  steps: failure?.scenario.steps.map((s) => [s.op, s.expect]),
});

describe('a campaign on the otp-leak variant', () => {
  const result = runCampaign(config);

  it('finds P12 and shrinks it to an upload needing consent and a download without it', () => {
    expect(result.failure?.finding).toEqual({
      kind: 'property',
      property: 'P12',
      title: 'a download needing consent happens only after the owner’s OTP',
      at: { index: 1, line: expect.any(Number), op: 'download' },
      expectedForVariant: true,
    });
    const scenario = result.failure!.scenario;
    expect(scenario.steps.map((s) => [s.op, s.expect])).toEqual([
      ['upload', undefined],
      ['download', 'ok'],
    ]);
    expect(scenario.steps[0]).toMatchObject({ op: 'upload', owner: 'alice', file: 'f1', consent: true });
    expect(scenario.steps[1]).toMatchObject({ op: 'download', user: 'bob', file: 'f1' });
    expect(result.failure!.replays).toBe(true);
    expect(result.failure!.shrinks).toBeGreaterThan(0);
    expect(result.sequences).toBeLessThan(config.runs);
  });

  it('writes a scenario file that loads and that sesphr run replays to the violation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesphr-campaign-'));
    const file = campaignFilePath(dir, config);
    expect(file).toBe(join(dir, 'otp-leak-42.yaml'));
    writeFileSync(file, campaignFileText(result.failure!, config, file));
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').slice(1, 3)).toEqual([
      '# Written by: npx sesphr campaign --seed 42 --runs 200 --length 6 --variant otp-leak',
      '# Finding: P12 (a download needing consent happens only after the owner’s OTP) violated (expected: the otp-leak variant is built to break it), after step 1 (download)',
    ]);
    expect(parseScenario(text, file).kind).toBe('ok');
    const replay = await sesphr('run', file, '--json');
    expect(replay.stderr).toBe('');
    expect(replay.code).toBe(0);
    const json = JSON.parse(replay.stdout);
    expect(json).toMatchObject({ passed: true, variant: 'otp-leak', seed: 'campaign-42' });
    expect(json.steps.at(-1)).toMatchObject({ op: 'download', outcome: 'ok', expected: 'ok', ok: true });
    expect(json.steps.at(-1).transitions).toContain('D_C_open_code/bob');
  });

  it('is the same campaign for the same seed', () => {
    expect(timeless(runCampaign(config))).toEqual(timeless(result));
  });
});
