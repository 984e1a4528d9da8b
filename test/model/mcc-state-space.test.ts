/**
 * The Model Checking Contest's nets and reference figures: an outside oracle for the PNML import and
 * the fast explorer. The nets are read from ../shared/mcc (next to the repository) or from the folder
 * named by SESPHR_MCC_DIR, never copied into the repository. Kanban-PT-00005 is left to the benchmark
 * (`npm run bench`): it takes seconds, and the test suite must stay fast.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toPnml } from '../../src/model/pnml-export.ts';
import { parsePnml } from '../../src/model/pnml-import.ts';
import { explorePt } from '../../src/model/pt-explore.ts';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const mccDir = process.env.SESPHR_MCC_DIR ?? resolve(repository, '../shared/mcc');
const oraclePath = join(mccDir, 'oracle.csv');

type OracleRow = Readonly<{
  instance: string;
  states: number;
  edges: number;
  maxTokensInPlace: number;
  maxTokensPerMarking: number;
  deadlock: boolean;
}>;

const readOracle = (): readonly OracleRow[] => {
  const [header, ...lines] = readFileSync(oraclePath, 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const cell = (name: string): string => {
      const value = cells[columns.indexOf(name)];
      if (value === undefined) throw new Error(`${oraclePath}: row "${line}" lacks column ${name}`);
      return value;
    };
    return {
      instance: cell('instance'),
      states: Number(cell('states')),
      edges: Number(cell('edges')),
      maxTokensInPlace: Number(cell('max_tokens_in_place')),
      maxTokensPerMarking: Number(cell('max_tokens_per_marking')),
      deadlock: cell('deadlock') === 'TRUE',
    };
  });
};

const available = existsSync(oraclePath) && existsSync(join(mccDir, 'models'));

describe("Model Checking Contest nets: state spaces match the contest's figures", () => {
  if (!available) {
    it('finds the Model Checking Contest nets', () => {
      throw new Error(
        `No MCC nets at ${mccDir} (looked for oracle.csv and models/ there). ` +
          'Put the contest folder next to the repository as ../shared/mcc, or set SESPHR_MCC_DIR ' +
          'to the folder that holds oracle.csv and models/.',
      );
    });
    return;
  }

  const rows = readOracle().filter((row) => !row.instance.startsWith('Kanban-'));

  it('the oracle has rows to check', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(rows)('$instance: states, edges, deadlock and token maxima', (row) => {
    const file = join(mccDir, 'models', `${row.instance}.pnml`);
    const net = parsePnml(readFileSync(file, 'utf8'), file);
    expect(explorePt(net)).toEqual({
      states: row.states,
      edges: row.edges,
      deadlock: row.deadlock,
      maxTokensInPlace: row.maxTokensInPlace,
      maxTokensPerMarking: row.maxTokensPerMarking,
      complete: true,
    });
    // Our export of a contest net re-imports to the same net.
    expect(parsePnml(toPnml(net), 'export.pnml')).toEqual(net);
  });
});
