import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario/parse-scenario.ts';
import { formatProblem } from '../../../src/sim/scenario/problem.ts';

/** A valid file; each case breaks it in one place. Line numbers below refer to this text. */
const BASE = `name: table-base
principals:
  alice: { role: owner }
  bob: { role: doctor }
owners:
  alice:
    grants: { doctor: [medical] }
steps:
  - upload: { owner: alice, file: f1, size: 64KiB }
  - request: { user: bob, file: f1, partition: medical }
    expect: granted
  - tick: { by: 2h }
  - decrypt: { user: bob, file: f1, partition: medical }
    expect: ok
`;

const edit = (from: string, to: string): string => {
  if (!BASE.includes(from)) throw new Error(`the base has no ${JSON.stringify(from)}`);
  return BASE.replace(from, to);
};

interface Case {
  readonly name: string;
  readonly text: string;
  /** The first problem, as printed: `file:line:column: path: message…` up to some fragment. */
  readonly first: string;
  /** A further fragment the first message must contain, if any. */
  readonly also?: string;
  /** The start of the second problem, if any. */
  readonly second?: string;
  /** How many problems the file has. */
  readonly count?: number;
}

const CASES: readonly Case[] = [
  {
    name: 'bad YAML: an unclosed flow sequence',
    text: edit('grants: { doctor: [medical] }', 'grants: { doctor: [medical }'),
    first:
      'bad.yaml:7:32: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    name: 'bad YAML: a duplicate key',
    text: edit('  bob: { role: doctor }', '  bob: { role: doctor }\n  bob: { role: family }'),
    first: 'bad.yaml:5:3: YAML: Map keys must be unique',
  },
  {
    name: 'bad YAML: a tab for indentation',
    text: edit('  bob: { role: doctor }', '\tbob: { role: doctor }'),
    first: 'bad.yaml:4:1: YAML: ',
  },
  {
    name: 'an empty file',
    text: '',
    first: 'bad.yaml:1:1: expected a map with name, description (optional)',
    also: 'got nothing',
  },
  {
    name: 'a list where the file should be a map',
    text: '- upload: { owner: alice, file: f1 }\n',
    first: 'bad.yaml:1:1: expected a map with name,',
    also: 'got a list',
  },
  {
    name: 'an unknown operation, with a suggestion',
    text: edit('  - request: {', '  - reqest: {'),
    first:
      "bad.yaml:10:5: steps[1].reqest: unknown operation 'reqest'; did you mean 'request'? allowed: register, approve,",
    count: 1,
  },
  {
    name: 'a step with two operations',
    text: edit('  - tick: { by: 2h }', '  - tick: { by: 2h }\n    audit: { file: f1 }'),
    first: "bad.yaml:13:5: steps[2].audit: a step holds one operation and this one already has 'tick'",
  },
  {
    name: 'a step that is not a map',
    text: edit('  - tick: { by: 2h }', '  - tick'),
    first: 'bad.yaml:12:5: steps[2]: expected a step: one operation as key, its arguments as value',
    also: "got 'tick'",
  },
  {
    name: 'a missing argument',
    text: edit(
      '{ user: bob, file: f1, partition: medical }\n    expect: granted',
      '{ user: bob, file: f1 }\n    expect: granted',
    ),
    first:
      "bad.yaml:10:14: steps[1].request.partition: missing; expected a partition label of the file's owner",
  },
  {
    name: 'an argument of the wrong type',
    text: edit('size: 64KiB', 'size: [64, KiB]'),
    first: 'bad.yaml:9:45: steps[0].upload.size: expected a size: whole bytes (4096)',
    also: 'got a list',
  },
  {
    name: 'an unknown argument, with a suggestion',
    text: edit(
      '{ user: bob, file: f1, partition: medical }\n    expect: ok',
      '{ user: bob, fiel: f1, partition: medical }\n    expect: ok',
    ),
    first: 'bad.yaml:13:14: steps[3].decrypt.file: missing; expected a file name, chosen by its upload step',
    second:
      "bad.yaml:13:27: steps[3].decrypt.fiel: unknown key 'fiel'; did you mean 'file'? allowed: user, file, partition, version",
    count: 2,
  },
  {
    name: 'a bad size',
    text: edit('size: 64KiB', 'size: 64kb'),
    first:
      'bad.yaml:9:45: steps[0].upload.size: expected a size: whole bytes (4096) or a whole number with a unit',
    also: "got '64kb'",
  },
  {
    name: 'a size too large to hold',
    text: edit('size: 64KiB', 'size: 2GiB'),
    first: 'bad.yaml:9:45: steps[0].upload.size: 2GiB is more than the 1GiB a run keeps in memory',
  },
  {
    name: 'a bad time',
    text: edit('size: 64KiB', 'size: 64KiB, window: [+0s, +2x]'),
    first: 'bad.yaml:9:66: steps[0].upload.window[1]: expected a time: an ISO 8601 instant',
    also: "got '+2x'",
  },
  {
    name: 'a date that does not exist',
    text: `start: 2026-02-30T00:00:00Z\n${BASE}`,
    first: "bad.yaml:1:8: start: '2026-02-30T00:00:00Z': 2026-02-30 is not a date",
  },
  {
    name: 'a bad duration',
    text: edit('by: 2h', 'by: 2 hours'),
    first:
      'bad.yaml:12:17: steps[2].tick.by: expected a duration: whole days, hours, minutes, seconds in that order',
    also: "got '2 hours'",
  },
  {
    name: 'a tick of nothing',
    text: edit('by: 2h', 'by: 0m'),
    first:
      'bad.yaml:12:17: steps[2].tick.by: a tick moves the clock forward: the duration must be more than 0s',
  },
  {
    name: 'an unknown principal',
    text: edit(
      '{ user: bob, file: f1, partition: medical }\n    expect: granted',
      '{ user: carl, file: f1, partition: medical }\n    expect: granted',
    ),
    first: "bad.yaml:10:22: steps[1].request.user: 'carl' is not a declared principal; declared: alice, bob",
  },
  {
    name: 'an owner argument that is not an owner',
    text: edit('owner: alice, file: f1, size', 'owner: bob, file: f1, size'),
    first: "bad.yaml:9:22: steps[0].upload.owner: 'bob' is a doctor, not an owner; owners: alice",
    count: 1,
  },
  {
    name: 'a bad partition',
    text: edit('partition: medical }\n    expect: granted', 'partition: medcal }\n    expect: granted'),
    first:
      "bad.yaml:10:48: steps[1].request.partition: 'medcal' is not a partition of alice; allowed: personal, medical, insurance, prescription",
  },
  {
    name: 'a bad partition in a grant',
    text: edit('doctor: [medical]', 'doctor: [medical, lab]'),
    first:
      "bad.yaml:7:33: owners.alice.grants.doctor[1]: 'lab' is not a partition of alice; allowed: personal, medical, insurance, prescription",
  },
  {
    name: 'a grant to a role that does not exist',
    text: edit('doctor: [medical]', 'nurse: [medical]'),
    first:
      "bad.yaml:7:15: owners.alice.grants.nurse: unknown key 'nurse'; allowed: doctor, pharmacist, family, insurer, researcher",
  },
  {
    name: 'a bad expectation',
    text: edit('    expect: ok', '    expect: granted'),
    first:
      "bad.yaml:14:13: steps[3].expect: 'granted' is not an outcome of decrypt; decrypt allows: ok, fails",
  },
  {
    name: 'a file used before its upload',
    text: edit(
      'file: f1, partition: medical }\n    expect: granted',
      'file: f2, partition: medical }\n    expect: granted',
    ),
    first: "bad.yaml:10:33: steps[1].request.file: 'f2' is not uploaded yet; files present: f1",
  },
  {
    name: 'a file used after its deletion',
    text: edit('  - tick: { by: 2h }', '  - delete: { owner: alice, file: f1 }'),
    first:
      "bad.yaml:13:33: steps[3].decrypt.file: 'f1' was deleted by steps[2] (line 12); files present: none",
  },
  {
    name: 'a file uploaded twice',
    text: edit('  - tick: { by: 2h }', '  - upload: { owner: alice, file: f1 }'),
    first:
      "bad.yaml:12:35: steps[2].upload.file: 'f1' is already uploaded by steps[0] (line 9); update it, or delete it first",
  },
  {
    name: 'a version not written yet',
    text: edit('partition: medical }\n    expect: ok', 'partition: medical, version: 2 }\n    expect: ok'),
    first:
      'bad.yaml:13:66: steps[3].decrypt.version: medical has no version 2 yet; only version 1 is written',
  },
  {
    name: 'a window that ends before it starts',
    text: edit('  - tick: { by: 2h }', '  - window: { owner: alice, file: f1, start: +2h, end: +1h }'),
    first:
      'bad.yaml:12:56: steps[2].window.end: a window must end after it starts; it starts 2026-01-01T02:00:00Z and ends 2026-01-01T01:00:00Z',
  },
  {
    name: 'empty steps',
    text: `${BASE.slice(0, BASE.indexOf('steps:'))}steps: []\n`,
    first: 'bad.yaml:8:8: steps: must not be empty; expected a non-empty list of steps',
  },
  {
    name: 'an unknown top-level key, with a suggestion',
    text: BASE.replace('steps:', 'stpes:'),
    first: 'bad.yaml:1:1: steps: missing; expected a non-empty list of steps',
    count: 2,
  },
  {
    name: 'an owners entry for a non-owner',
    text: edit('owners:\n', 'owners:\n  bob: { history: all }\n'),
    first: "bad.yaml:6:3: owners.bob: 'bob' is a doctor; owners lists principals with role owner: alice",
  },
  {
    name: 'a principal named like infrastructure',
    text: edit('  bob: { role: doctor }', '  bob: { role: doctor }\n  srs: { role: doctor }'),
    first:
      "bad.yaml:5:3: principals.srs: 'srs' names infrastructure (srs, ca, cloud, tpa, time-server, admin); choose another name",
  },
  {
    name: 'a principal name outside the name pattern',
    text: edit('  bob: { role: doctor }', '  bob: { role: doctor }\n  "dr bob": { role: doctor }'),
    first: `bad.yaml:5:3: principals["dr bob"]: 'dr bob' is not allowed as a key; expected a principal name: a letter, then`,
  },
  {
    name: 'an unknown role, and a misspelt key',
    text: edit('bob: { role: doctor }', 'bob: { role: docter, aproved: false }'),
    first: "bad.yaml:4:16: principals.bob.role: 'docter' is not allowed; allowed: owner, doctor, pharmacist,",
    count: 2,
  },
  {
    name: 'approved on a principal that registers later',
    text: edit('bob: { role: doctor }', 'bob: { role: doctor, registered: false, approved: true }'),
    first: 'bad.yaml:4:53: principals.bob.approved: approved applies to principals registered from the start',
  },
  {
    name: 'a coalition with an unknown member, listed twice',
    text: edit(
      '  - tick: { by: 2h }',
      '  - collude: { members: [srs, mallory, srs], file: f1, partition: medical }',
    ),
    first:
      "bad.yaml:12:31: steps[2].collude.members[1]: 'mallory' is neither a declared principal nor infrastructure",
    second: "bad.yaml:12:40: steps[2].collude.members[2]: 'srs' is listed twice",
    count: 2,
  },
  {
    name: 'a seed that is neither an integer nor a string',
    text: `seed: 1.5\n${BASE}`,
    first: 'bad.yaml:1:7: seed: expected the seed of every random choice: an integer or a string',
    also: 'got 1.5',
  },
  {
    name: 'zero buckets',
    text: `buckets: 0\n${BASE}`,
    first: 'bad.yaml:1:10: buckets: must be at least 1; got 0',
  },
];

describe('malformed scenario files', () => {
  it.each(CASES)('$name', ({ text, first, also, second, count }) => {
    const result = parseScenario(text, 'bad.yaml');
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    const printed = formatProblem(result.problems[0]!);
    expect(printed.startsWith(first), `${printed}\ndoes not start with\n${first}`).toBe(true);
    if (also !== undefined) expect(printed).toContain(also);
    if (second !== undefined)
      expect(formatProblem(result.problems[1]!).startsWith(second), formatProblem(result.problems[1]!)).toBe(
        true,
      );
    if (count !== undefined) expect(result.problems.map(formatProblem)).toHaveLength(count);
  });

  it('the base they break is valid', () => {
    expect(parseScenario(BASE, 'bad.yaml').kind).toBe('ok');
  });

  it('reports every problem of a file at once, in source order', () => {
    const text = edit('size: 64KiB', 'size: 64kb')
      .replace('by: 2h', 'by: 2x')
      .replace('expect: ok', 'expect: maybe');
    const result = parseScenario(text, 'bad.yaml');
    expect(result.kind === 'invalid' && result.problems.map((p) => [p.line, p.column, p.path])).toEqual([
      [9, 45, 'steps[0].upload.size'],
      [12, 17, 'steps[2].tick.by'],
      [14, 13, 'steps[3].expect'],
    ]);
  });

  it('an alias bomb is refused, not expanded', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode('a'.charCodeAt(0) + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const result = parseScenario(`${levels.join('\n')}\n`, 'bomb.yaml');
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && formatProblem(result.problems[0]!)).toMatch(
      /^bomb\.yaml:1:1: YAML: .*alias/i,
    );
  });
});
