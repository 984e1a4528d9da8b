import { describe, expect, it } from 'vitest';
import {
  accessLevel,
  DEFAULT_PARTITIONS,
  DEFAULT_RESOURCE_TYPES,
  FHIR_RESOURCE_TYPES,
  partitionLabel,
} from '../../../src/protocol/phr/partition.ts';

describe('PHR partitions', () => {
  it('defaults to the paper’s four partitions at levels 1 to 4', () => {
    expect([...DEFAULT_PARTITIONS]).toEqual([
      ['personal', 1],
      ['medical', 2],
      ['insurance', 3],
      ['prescription', 4],
    ]);
  });

  it('puts every FHIR resource type in exactly one default partition', () => {
    expect([...DEFAULT_RESOURCE_TYPES.keys()]).toEqual([...DEFAULT_PARTITIONS.keys()]);
    expect([...DEFAULT_RESOURCE_TYPES.values()].flat().sort()).toEqual([...FHIR_RESOURCE_TYPES].sort());
  });

  it('accepts names and refuses what could not be a name in a log', () => {
    expect(partitionLabel('lab-results.v2')).toBe('lab-results.v2');
    for (const bad of ['', ' medical', 'a b', '-x', 'a/b'])
      expect(() => partitionLabel(bad)).toThrow(TypeError);
  });

  it('accepts integer levels from 1', () => {
    expect(accessLevel(1)).toBe(1);
    expect(accessLevel(7)).toBe(7);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => accessLevel(bad)).toThrow(RangeError);
  });
});
