import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatProblem, parseScenario } from '../../src/sim/scenario/index.ts';
import { repository, sesphr } from './sesphr-process.ts';

const temporary = () => mkdtempSync(join(tmpdir(), 'sesphr-run-'));

const HEAD = `name: bad
principals:
  alice: { role: owner }
  bob: { role: doctor }
owners:
  alice:
    grants: { doctor: [medical] }
steps:
`;

const UPLOAD = '  - upload: { owner: alice, file: f1 }\n';

/** Malformed files of many kinds, each with the exact line the loader gives for it. */
const MALFORMED: readonly (readonly [file: string, text: string, problems: readonly string[]])[] = [
  [
    'a-yaml-syntax.yaml',
    `${HEAD}${UPLOAD}  - request: { user: bob, file: f1, partition: [medical }\n`,
    [
      '10:57: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '10:58: YAML: Flow map in block collection must be sufficiently indented and end with a }',
    ],
  ],
  [
    'b-unknown-op.yaml',
    `${HEAD}${UPLOAD}  - reqest: { user: bob, file: f1, partition: medical }\n`,
    [
      "10:5: steps[1].reqest: unknown operation 'reqest'; did you mean 'request'? allowed: register, approve, reject, revoke-certificate, upload, update, delete, grant, revoke, join, window, tick, request, download, decrypt, search, consent, forward, audit, tamper, collude",
    ],
  ],
  [
    'c-bad-partition.yaml',
    `${HEAD}${UPLOAD}  - request: { user: bob, file: f1, partition: medcal }\n`,
    [
      "10:48: steps[1].request.partition: 'medcal' is not a partition of alice; allowed: personal, medical, insurance, prescription",
    ],
  ],
  [
    'd-bad-expect.yaml',
    `${HEAD}${UPLOAD}  - decrypt: { user: bob, file: f1, partition: medical }\n    expect: granted\n`,
    ["11:13: steps[1].expect: 'granted' is not an outcome of decrypt; decrypt allows: ok, fails"],
  ],
  [
    'e-unknown-key.yaml',
    `colour: blue\n${HEAD}${UPLOAD}`,
    [
      "1:1: colour: unknown key 'colour'; allowed: name, description, seed, variant, start, buckets, principals, owners, steps",
    ],
  ],
  [
    'f-no-name.yaml',
    `${HEAD.slice(HEAD.indexOf('\n') + 1)}${UPLOAD}`,
    ['1:1: name: missing; expected a name for the scenario, kebab-case recommended'],
  ],
  [
    'g-bad-size.yaml',
    `${HEAD}  - upload: { owner: alice, file: f1, size: 64XB }\n`,
    [
      "9:45: steps[0].upload.size: expected a size: whole bytes (4096) or a whole number with a unit B, KB, KiB, MB, MiB, GB, GiB (KB = 1000 bytes, KiB = 1024), from 1B to 1GiB, e.g. 64KiB; got '64XB'",
    ],
  ],
  [
    'h-bad-time.yaml',
    `${HEAD}  - upload: { owner: alice, file: f1, window: [+0s, +2x] }\n`,
    [
      "9:53: steps[0].upload.window[1]: expected a time: an ISO 8601 instant to the second with a zone, e.g. 2026-01-01T00:00:00Z, or an offset from the start such as +90s, +30m, +2h, +1d; got '+2x'",
    ],
  ],
  [
    'i-before-upload.yaml',
    `${HEAD}  - request: { user: bob, file: f1, partition: medical }\n`,
    ["9:33: steps[0].request.file: 'f1' is not uploaded yet, and no file is: upload it first"],
  ],
  [
    'j-undeclared.yaml',
    `${HEAD}${UPLOAD}  - download: { user: mallory, file: f1 }\n`,
    ["10:23: steps[1].download.user: 'mallory' is not a declared principal; declared: alice, bob"],
  ],
  [
    'k-empty.yaml',
    '',
    [
      '1:1: expected a map with name, description (optional), seed (optional), variant (optional), start (optional), buckets (optional), principals, owners, steps; got nothing',
    ],
  ],
  [
    'm-not-owner.yaml',
    `${HEAD}  - upload: { owner: bob, file: f1 }\n`,
    ["9:22: steps[0].upload.owner: 'bob' is a doctor, not an owner; owners: alice"],
  ],
  [
    'n-zero-tick.yaml',
    `${HEAD}  - tick: { by: 0s }\n`,
    ['9:17: steps[0].tick.by: a tick moves the clock forward: the duration must be more than 0s'],
  ],
];

const WRONG = `name: wrong-expectation
seed: 1
principals:
  alice: { role: owner }
  carol: { role: pharmacist }
owners:
  alice:
    grants: { pharmacist: [prescription] }
steps:
  - upload: { owner: alice, file: f1 }
  - request: { user: carol, file: f1, partition: medical }
    expect: granted
`;

describe('sesphr run', () => {
  it('runs scenarios and folders, prints a line per scenario and the totals, exits 0', async () => {
    const { code, stdout, stderr } = await sesphr(
      'run',
      'scenarios/otp-leak.yaml',
      'scenarios/time-windows.yaml',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^PASS scenarios\/otp-leak\.yaml \(otp-leak\): 4 steps, 35 firings, seed leak, \d+\.\d\d s$/,
    );
    expect(lines[1]).toMatch(
      /^PASS scenarios\/time-windows\.yaml \(time-windows\): 8 steps, \d+ firings, seed windows, /,
    );
    expect(lines[2]).toMatch(
      /^2 scenarios: 2 passed, 0 failed \(12 steps, \d+ firings; protocol calls \d+\.\d\d s, total \d+\.\d\d s\)$/,
    );
  });

  it('prints one JSON object per scenario and writes every firing to the trace', async () => {
    const trace = join(temporary(), 'run.jsonl');
    const { code, stdout } = await sesphr(
      'run',
      'scenarios/otp-leak.yaml',
      'scenarios/insider-cloud.yaml',
      '--json',
      '--trace',
      trace,
    );
    expect(code).toBe(0);
    const objects = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(objects.map((o) => [o.scenario, o.passed, o.seed])).toEqual([
      ['otp-leak', true, 'leak'],
      ['insider-cloud', true, 'insider'],
    ]);
    expect(Object.keys(objects[0].steps[0])).toEqual([
      'index',
      'line',
      'op',
      'outcome',
      'expected',
      'ok',
      'transitions',
      'ms',
    ]);
    const firings = readFileSync(trace, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const count = (name: string) =>
      objects.find((o) => o.scenario === name).steps.flatMap((s: { transitions: string[] }) => s.transitions)
        .length;
    expect(firings).toHaveLength(count('otp-leak') + count('insider-cloud'));
    expect(firings[0]).toMatchObject({
      scenario: 'otp-leak',
      source: 'scenarios/otp-leak.yaml',
      seed: 'leak',
      index: 0,
      step: 0,
    });
    expect(Object.keys(firings[0])).toEqual([
      'scenario',
      'source',
      'seed',
      'index',
      'step',
      'transition',
      'binding',
      'actor',
      'outcome',
      'call',
      'simulatedTime',
      'ms',
    ]);
    expect(new Set(firings.map((f) => f.scenario))).toEqual(new Set(['otp-leak', 'insider-cloud']));
  });

  it('exits 1 on a wrong expectation, naming the step by file and line, expected and got', async () => {
    const file = join(temporary(), 'wrong.yaml');
    writeFileSync(file, WRONG);
    const [text, json] = await Promise.all([sesphr('run', file), sesphr('run', file, '--json')]);
    expect(text.code).toBe(1);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^FAIL ${file.replaceAll('.', '\\.')} \\(wrong-expectation\\): 2 steps`),
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^ {2}step 1 request \\(${file.replaceAll('.', '\\.')}:11\\): expected granted, got denied \\(not-in-acl\\): `,
      ),
    );
    expect(json.code).toBe(1);
    const object = JSON.parse(json.stdout);
    expect(object.passed).toBe(false);
    expect(object.steps[1]).toMatchObject({
      index: 1,
      line: 11,
      outcome: 'denied',
      expected: 'granted',
      ok: false,
    });
  });

  it('draws and prints a seed for a scenario without one, and replays it when given back', async () => {
    const file = join(temporary(), 'unseeded.yaml');
    writeFileSync(file, WRONG.replace('seed: 1\n', '').replace('expect: granted', 'expect: denied'));
    const first = await sesphr('run', file, '--json');
    expect(first.code).toBe(0);
    const seed = JSON.parse(first.stdout).seed;
    expect(seed).toMatch(/^\d+$/);
    const [text, again] = await Promise.all([
      sesphr('run', file),
      sesphr('run', file, '--seed', seed, '--json'),
    ]);
    expect(text.stdout).toMatch(/seed (\d+) \(drawn; replay with --seed \1\)/);
    expect(JSON.parse(again.stdout).seed).toBe(seed);
  });

  it('exits 2 on malformed files of many kinds, printing every problem and running nothing', async () => {
    const dir = temporary();
    for (const [name, text] of MALFORMED) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'z-valid.yaml'), WRONG.replace('expect: granted', 'expect: denied'));
    const trace = join(dir, 'never.jsonl');
    const { code, stdout, stderr } = await sesphr('run', dir, '--trace', trace);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(existsSync(trace)).toBe(false);
    expect(stderr.trimEnd().split('\n')).toEqual(
      MALFORMED.flatMap(([name, , problems]) => problems.map((p) => `${join(dir, name)}:${p}`)),
    );
  });

  it('exits 2 on fast-check mutations of a valid file with the loader’s own messages, never a crash', async () => {
    const valid = parse(readFileSync(join(repository, 'scenarios/paper-upload-share-download.yaml'), 'utf8'));
    const dir = temporary();
    const expected: string[] = [];
    const mutation = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('delete', 'replace', 'rename'),
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('64KiB', '+2h', 'bob', 'f1', 'granted', -1, [], {}),
      ),
      key: fc.constantFrom('expect', 'user', 'file', 'size', 'window', 'version', 'nme', 'stpes'),
    });
    const samples = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), { seed: 11, numRuns: 60 });
    samples.forEach((mutations, i) => {
      const text = stringify(mutations.reduce(mutate, valid));
      const file = join(dir, `m${String(i).padStart(2, '0')}.yaml`);
      const result = parseScenario(text, file);
      if (result.kind === 'ok') return;
      writeFileSync(file, text);
      expected.push(...result.problems.map(formatProblem));
    });
    expect(expected.length).toBeGreaterThan(20);
    const { code, stdout, stderr } = await sesphr('run', dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual(expected);
    for (const line of expected) expect(line).toMatch(/^\/.+\.yaml:\d+:\d+: .+/);
  });

  it('exits 2 on a missing path, a trace in a missing folder, an empty seed', async () => {
    const dir = temporary();
    const cases = await Promise.all([
      sesphr('run', join(dir, 'nowhere.yaml')),
      sesphr('run', 'scenarios/otp-leak.yaml', '--trace', join(dir, 'no', 'such', 'trace.jsonl')),
      sesphr('run', 'scenarios/otp-leak.yaml', '--seed', ''),
      sesphr('run', dir),
    ]);
    expect(cases.map((c) => [c.code, c.stdout])).toEqual(Array(4).fill([2, '']));
    expect(cases.map((c) => c.stderr)).toEqual([
      `${join(dir, 'nowhere.yaml')}: no such file or folder\n`,
      `sesphr run: --trace: the folder ${join(dir, 'no', 'such')} does not exist\n`,
      'sesphr run: --seed must not be empty\n',
      `${dir}: no scenario files (*.yaml, *.yml) found\n`,
    ]);
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path in a JSON value, the root included. */
function pathsOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const own: (string | number)[][] = [path];
  if (Array.isArray(value)) return own.concat(...value.map((item, i) => pathsOf(item, [...path, i])));
  if (value !== null && typeof value === 'object') {
    return own.concat(...Object.entries(value).map(([k, item]) => pathsOf(item, [...path, k])));
  }
  return own;
}

/** One mutation on a copy: delete, replace or rename what sits at the `at`-th path. */
function mutate(value: Json, m: { at: number; kind: string; value: unknown; key: string }): Json {
  const paths = pathsOf(value);
  const path = paths[m.at % paths.length]!;
  if (path.length === 0) return m.kind === 'replace' ? (m.value as Json) : value;
  const copy = structuredClone(value);
  let parent: Json = copy;
  for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[segment]!;
  const last = path[path.length - 1]!;
  const holder = parent as Record<string | number, Json>;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete holder[last];
  } else if (m.kind === 'replace') {
    holder[last] = m.value as Json;
  } else if (!Array.isArray(parent) && m.key !== last) {
    holder[m.key] = holder[last]!;
    delete holder[last];
  }
  return copy;
}
