import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenarioFiles } from '../../../src/sim/scenario/find-scenario-files.ts';
import { loadScenarioFile } from '../../../src/sim/scenario/load-scenario-file.ts';
import { scenarioOrThrow } from '../../../src/sim/scenario/parse-scenario.ts';
import { formatProblem, isScenarioError, ScenarioError } from '../../../src/sim/scenario/problem.ts';
import { fixturePath, fixtureText, ISSUE_EXAMPLE } from './fixtures.ts';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sesphr-scenarios-'));
  const files: Record<string, string> = {
    'b.yaml': fixtureText(ISSUE_EXAMPLE),
    'a.yml': fixtureText(ISSUE_EXAMPLE),
    'notes.txt': 'not a scenario',
    'nested/c.yaml': fixtureText(ISSUE_EXAMPLE),
    'nested/deeper/A.yaml': fixtureText(ISSUE_EXAMPLE),
    '.hidden/x.yaml': fixtureText(ISSUE_EXAMPLE),
    'node_modules/y.yaml': fixtureText(ISSUE_EXAMPLE),
    'broken.yaml': 'name: broken\nsteps: []\n',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), text);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findScenarioFiles', () => {
  it('expands a folder to its *.yaml and *.yml files, sorted by path, skipping hidden folders and node_modules', async () => {
    expect(await findScenarioFiles([root])).toEqual({
      kind: 'ok',
      files: ['a.yml', 'b.yaml', 'broken.yaml', 'nested/c.yaml', 'nested/deeper/A.yaml'].map((name) =>
        join(root, name),
      ),
    });
  });

  it('keeps arguments in order, keeps a named file whatever its extension, and lists each file once', async () => {
    const notes = join(root, 'notes.txt');
    expect(await findScenarioFiles([notes, join(root, 'nested'), `${root}/./nested/c.yaml`])).toEqual({
      kind: 'ok',
      files: [notes, join(root, 'nested/c.yaml'), join(root, 'nested/deeper/A.yaml')],
    });
  });

  it('names every path that does not exist', async () => {
    expect(await findScenarioFiles([join(root, 'nope'), root, join(root, 'nope.yaml')])).toEqual({
      kind: 'missing',
      paths: [join(root, 'nope'), join(root, 'nope.yaml')],
    });
  });
});

describe('loadScenarioFile', () => {
  it('loads a scenario and names it by its path', async () => {
    const path = fixturePath(ISSUE_EXAMPLE);
    const result = await loadScenarioFile(path);
    expect(result.kind === 'ok' && [result.scenario.source, result.scenario.name]).toEqual([
      path,
      'revocation-keeps-cached-parameters',
    ]);
  });

  it('places problems in the file by its path', async () => {
    const path = join(root, 'broken.yaml');
    const result = await loadScenarioFile(path);
    expect(result.kind === 'invalid' && result.problems.map(formatProblem)).toEqual([
      `${path}:1:1: principals: missing; expected a map from principal name to { role, registered?, approved? }`,
      `${path}:1:1: owners: missing; expected a map from owner name to { partitions?, grants?, history?, consent? }; owners not listed get the defaults`,
      `${path}:2:8: steps: must not be empty; expected a non-empty list of steps, each one operation: register, approve, reject, revoke-certificate, upload, update, delete, grant, revoke, join, window, tick, request, download, decrypt, search, consent, forward, audit, tamper, collude`,
    ]);
  });

  it('reports a file it cannot read as unreadable', async () => {
    const path = join(root, 'missing.yaml');
    const result = await loadScenarioFile(path);
    expect(result.kind).toBe('unreadable');
    expect(result.kind === 'unreadable' && [result.file, result.message.includes('ENOENT')]).toEqual([
      path,
      true,
    ]);
  });
});

describe('ScenarioError', () => {
  it('carries every problem and prints them one per line', async () => {
    const result = await loadScenarioFile(join(root, 'broken.yaml'));
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    const error = (() => {
      try {
        scenarioOrThrow(result);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(isScenarioError(error)).toBe(true);
    expect(isScenarioError(new Error('other'))).toBe(false);
    expect((error as ScenarioError).problems).toEqual(result.problems);
    expect((error as ScenarioError).message.split('\n')).toEqual(result.problems.map(formatProblem));
    expect(error).toBeInstanceOf(ScenarioError);
  });
});
