import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPnml } from '../../src/model/pnml-export.ts';
import { definePtNet } from '../../src/model/pt-net.ts';
import { sesphr } from './sesphr-process.ts';

/**
 * Two philosophers who each pick up their own fork first, then the other to eat. Counted by hand:
 * 4 markings (both thinking, one holding a fork, the other holding one, both holding one), 6 edges
 * (2 + 2 + 2 + 0), and the classic deadlock when both hold one fork.
 */
const dining = definePtNet({
  name: 'two-philosophers',
  places: [
    { id: 'think0', name: 'think0', initial: 1 },
    { id: 'think1', name: 'think1', initial: 1 },
    { id: 'fork0', name: 'fork0', initial: 1 },
    { id: 'fork1', name: 'fork1', initial: 1 },
    { id: 'hasLeft0', name: 'hasLeft0', initial: 0 },
    { id: 'hasLeft1', name: 'hasLeft1', initial: 0 },
  ],
  transitions: [
    // Philosopher i takes fork i, then fork i+1 to eat and puts both back at once.
    {
      id: 'take0',
      name: 'take0',
      pre: [
        [0, 1],
        [2, 1],
      ],
      post: [[4, 1]],
    },
    {
      id: 'eat0',
      name: 'eat0',
      pre: [
        [4, 1],
        [3, 1],
      ],
      post: [
        [0, 1],
        [2, 1],
        [3, 1],
      ],
    },
    {
      id: 'take1',
      name: 'take1',
      pre: [
        [1, 1],
        [3, 1],
      ],
      post: [[5, 1]],
    },
    {
      id: 'eat1',
      name: 'eat1',
      pre: [
        [5, 1],
        [2, 1],
      ],
      post: [
        [1, 1],
        [3, 1],
        [2, 1],
      ],
    },
  ],
});

const folder = mkdtempSync(join(tmpdir(), 'sesphr-explore-'));
const netFile = join(folder, 'dining.pnml');
writeFileSync(netFile, toPnml(dining));
const badFile = join(folder, 'bad.pnml');
writeFileSync(
  badFile,
  '<pnml>\n  <net id="x" type="http://www.pnml.org/version-2009/grammar/symmetricnet"/>\n</pnml>\n',
);

describe.concurrent('sesphr explore', () => {
  it('--json prints exactly one JSON object with the figures, exit 0', async () => {
    const run = await sesphr('explore', netFile, '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const figures = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(figures)).toEqual([
      'net',
      'states',
      'edges',
      'deadlock',
      'maxTokensInPlace',
      'maxTokensPerMarking',
      'complete',
      'seconds',
    ]);
    expect({ ...figures, seconds: typeof figures.seconds }).toEqual({
      net: 'two-philosophers',
      states: 4,
      edges: 6,
      deadlock: true,
      maxTokensInPlace: 1,
      maxTokensPerMarking: 4,
      complete: true,
      seconds: 'number',
    });
  });

  it('--max-states stops the search and reports complete: false', async () => {
    const run = await sesphr('explore', netFile, '--max-states', '2', '--json');
    expect(run.code).toBe(0);
    // The second successor of the initial marking would be a third state: nothing was fully expanded.
    expect(JSON.parse(run.stdout)).toMatchObject({ states: 2, edges: 0, deadlock: false, complete: false });
  });

  it('without --json prints a readable summary', async () => {
    const run = await sesphr('explore', netFile);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^two-philosophers: 4 states, 6 edges, has a deadlock\n/);
  });

  it.each([
    ['a missing file', [join(folder, 'missing.pnml'), '--json'], /cannot read .*missing\.pnml: no such file/],
    ['coloured PNML', [badFile, '--json'], /bad\.pnml:2:3: <net id="x">.*use the PT instance/],
    [
      'a negative --max-states',
      [netFile, '--max-states', '-3', '--json'],
      /--max-states must be a positive integer/,
    ],
    [
      'a non-numeric --max-states',
      [netFile, '--max-states', 'many'],
      /--max-states must be a positive integer/,
    ],
  ])('exits 2 on %s, with the reason on stderr and nothing on stdout', async (_what, args, reason) => {
    const run = await sesphr('explore', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(reason);
  });
});
