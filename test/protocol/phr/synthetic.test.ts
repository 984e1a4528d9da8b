import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accessLevel,
  type FhirResourceType,
  type PartitionLabel,
  type Phr,
  partitionLabel,
} from '../../../src/protocol/phr/partition.ts';
import { keywordsOf, resourceTypesOf, syntheticPhr } from '../../../src/protocol/phr/synthetic.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const label = partitionLabel;

interface Entry {
  readonly fullUrl?: string;
  readonly resource: { readonly resourceType: string; readonly id?: string; readonly [key: string]: unknown };
}
interface Bundle {
  readonly resourceType: string;
  readonly type: string;
  readonly entry: readonly Entry[];
}

function bundle(bytes: Uint8Array): Bundle {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Bundle;
}

function totalBytes(phr: Phr): number {
  return [...phr.partitions.values()].reduce((sum, bytes) => sum + bytes.length, 0);
}

function typesIn(bytes: Uint8Array): string[] {
  return [...new Set(bundle(bytes).entry.map((e) => e.resource.resourceType))].sort();
}

/** Byte equality without vitest's element-by-element diffing, which is slow on large arrays. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

function part(phr: Phr, name: string): Uint8Array {
  const bytes = phr.partitions.get(label(name));
  if (bytes === undefined) throw new Error(`no partition ${name}`);
  return bytes;
}

const EXPECTED_TYPES: Readonly<Record<string, readonly string[]>> = {
  personal: ['Patient'],
  medical: ['Condition', 'Observation'],
  insurance: ['Coverage'],
  prescription: ['MedicationRequest'],
};

describe('synthetic PHR generator', () => {
  it.each([1 * KiB, 64 * KiB, 1 * MiB])(
    'hits %i bytes exactly with the default partitions',
    (targetBytes) => {
      const phr = syntheticPhr({ owner: 'alice', seed: 'size', targetBytes });
      expect(totalBytes(phr)).toBe(targetBytes);
      expect([...phr.partitions.keys()]).toEqual(['personal', 'medical', 'insurance', 'prescription']);
    },
  );

  it.each([1 * KiB, 64 * KiB, 1 * MiB])(
    'writes each partition at %i bytes as a FHIR Bundle of its own types',
    (targetBytes) => {
      const phr = syntheticPhr({ owner: 'alice', seed: 'types', targetBytes });
      for (const [name, bytes] of phr.partitions) {
        const b = bundle(bytes);
        expect(b.resourceType).toBe('Bundle');
        expect(b.type).toBe('collection');
        expect(b.entry.length).toBeGreaterThan(0);
        const types = typesIn(bytes);
        const expected = EXPECTED_TYPES[name]!;
        if (targetBytes >= 64 * KiB) expect(types).toEqual(expected);
        else expect(types.every((t) => expected.includes(t))).toBe(true);
      }
    },
  );

  it('generates 100 MiB exactly, each partition a Bundle, the largest share medical', () => {
    const phr = syntheticPhr({ owner: 'alice', seed: 'large', targetBytes: 100 * MiB });
    expect(totalBytes(phr)).toBe(100 * MiB);
    const text = (bytes: Uint8Array, from: number, to: number) =>
      new TextDecoder().decode(bytes.subarray(from, to));
    for (const bytes of phr.partitions.values()) {
      expect(text(bytes, 0, 54)).toBe('{"resourceType":"Bundle","type":"collection","entry":[');
      expect(text(bytes, bytes.length - 3, bytes.length)).toBe('}]}');
    }
    // The two smallest partitions (about 5.6 MiB each) are parsed whole.
    expect(typesIn(part(phr, 'personal'))).toEqual(['Patient']);
    expect(typesIn(part(phr, 'insurance'))).toEqual(['Coverage']);
    const sizes = ['personal', 'medical', 'insurance', 'prescription'].map((n) => part(phr, n).length);
    expect(sizes[1]).toBeGreaterThan(sizes[3]!);
    expect(sizes[3]).toBeGreaterThan(sizes[0]!);
  });

  it('property: any target from 1 KiB to 256 KiB is met exactly, for any seed', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: KiB, max: 256 * KiB }), (seed, targetBytes) => {
        const phr = syntheticPhr({ owner: 'owner-1', seed, targetBytes });
        expect(totalBytes(phr)).toBe(targetBytes);
        for (const bytes of phr.partitions.values()) expect(bundle(bytes).resourceType).toBe('Bundle');
      }),
      { seed: 1024, numRuns: 40 },
    );
  });

  it('is deterministic: the same options give the same bytes, another seed or owner other bytes', () => {
    const options = { owner: 'alice', seed: 'det', targetBytes: 256 * KiB };
    const a = syntheticPhr(options);
    const b = syntheticPhr(options);
    for (const [name, bytes] of a.partitions) expect(sameBytes(b.partitions.get(name)!, bytes)).toBe(true);
    const otherSeed = syntheticPhr({ ...options, seed: 'det2' });
    expect(sameBytes(part(otherSeed, 'medical'), part(a, 'medical'))).toBe(false);
    const otherOwner = syntheticPhr({ ...options, owner: 'bob' });
    expect(new TextDecoder().decode(part(otherOwner, 'personal'))).toContain('"value":"bob"');
    expect(new TextDecoder().decode(part(a, 'personal'))).toContain('"value":"alice"');
  });

  it('describes one patient: every reference points at the Patient, every fullUrl is unique', () => {
    const phr = syntheticPhr({ owner: 'alice', seed: 'refs', targetBytes: 2 * MiB });
    const patientIds = new Set(bundle(part(phr, 'personal')).entry.map((e) => e.resource.id));
    expect(patientIds.size).toBe(1);
    const [patientId] = patientIds;
    const urls: string[] = [];
    const ids: string[] = [];
    for (const name of ['medical', 'insurance', 'prescription']) {
      for (const entry of bundle(part(phr, name)).entry) {
        const subject = (entry.resource.subject ?? entry.resource.beneficiary) as { reference: string };
        expect(subject.reference).toBe(`Patient/${patientId}`);
        if (entry.fullUrl !== undefined) urls.push(entry.fullUrl);
        ids.push(entry.resource.id!);
      }
    }
    expect(new Set(urls).size).toBe(urls.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('builds custom partition sets from the resource types named for them', () => {
    const partitions = new Map<PartitionLabel, number>([
      [label('demographics'), 1],
      [label('diagnoses'), 2],
      [label('labs'), 2],
      [label('payments'), 3],
    ]);
    const resourceTypes = new Map<PartitionLabel, readonly FhirResourceType[]>([
      [label('diagnoses'), ['Condition']],
      [label('labs'), ['Observation']],
      [label('payments'), ['Coverage', 'MedicationRequest']],
    ]);
    const phr = syntheticPhr({
      owner: 'carol',
      seed: 'custom',
      targetBytes: 128 * KiB,
      partitions,
      resourceTypes,
    });
    expect(totalBytes(phr)).toBe(128 * KiB);
    expect(typesIn(part(phr, 'demographics'))).toEqual(['Patient']);
    expect(typesIn(part(phr, 'diagnoses'))).toEqual(['Condition']);
    expect(typesIn(part(phr, 'labs'))).toEqual(['Observation']);
    expect(typesIn(part(phr, 'payments'))).toEqual(['Coverage', 'MedicationRequest']);
  });

  it('gives an unnamed custom partition the types of its label, else of its level, else Observation', () => {
    expect(resourceTypesOf(label('medical'), 7)).toEqual(['Condition', 'Observation']);
    expect(resourceTypesOf(label('labs'), 2)).toEqual(['Condition', 'Observation']);
    expect(resourceTypesOf(label('billing'), 3)).toEqual(['Coverage']);
    expect(resourceTypesOf(label('research'), 9)).toEqual(['Observation']);
    const phr = syntheticPhr({
      owner: 'dave',
      seed: 'single',
      targetBytes: 8 * KiB,
      partitions: new Map([[label('everything'), accessLevel(5)]]),
    });
    expect(totalBytes(phr)).toBe(8 * KiB);
    expect(typesIn(part(phr, 'everything'))).toEqual(['Observation']);
  });

  it('refuses targets it cannot meet and options that name nothing', () => {
    expect(() => syntheticPhr({ owner: 'a', seed: 's', targetBytes: 300 })).toThrow(/too small/);
    expect(() => syntheticPhr({ owner: 'a', seed: 's', targetBytes: 0 })).toThrow(RangeError);
    expect(() => syntheticPhr({ owner: 'a', seed: 's', targetBytes: 1024.5 })).toThrow(RangeError);
    expect(() => syntheticPhr({ owner: 'a', seed: 's', targetBytes: 4096, partitions: new Map() })).toThrow(
      /at least one partition/,
    );
    const resourceTypes = new Map<PartitionLabel, readonly FhirResourceType[]>([
      [label('nowhere'), ['Patient']],
    ]);
    expect(() => syntheticPhr({ owner: 'a', seed: 's', targetBytes: 4096, resourceTypes })).toThrow(
      /nowhere/,
    );
    expect(() => resourceTypesOf(label('x'), 1, [])).toThrow(RangeError);
    expect(() => resourceTypesOf(label('x'), 1, ['Encounter' as FhirResourceType])).toThrow(/Encounter/);
  });
});

describe('keywordsOf', () => {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it('extracts condition, medication and measurement names and codes, normalised, once each', () => {
    const content = encode({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'Condition',
            code: {
              coding: [{ system: 'http://snomed.info/sct', code: '195967001', display: 'Asthma' }],
              text: 'Asthma',
            },
          },
        },
        {
          resource: {
            resourceType: 'MedicationRequest',
            medicationCodeableConcept: {
              coding: [{ code: '745679', display: 'albuterol 0.09 MG/ACTUAT Metered Dose Inhaler' }],
              text: 'Albuterol',
            },
          },
        },
        {
          resource: {
            resourceType: 'Observation',
            code: { coding: [{ code: '8867-4', display: 'Heart rate' }] },
          },
        },
        { resource: { resourceType: 'Patient', name: [{ family: 'Smith' }] } },
        { resource: { resourceType: 'Condition', code: { text: '  ASTHMA ' } } },
      ],
    });
    expect(keywordsOf(content)).toEqual([
      'asthma',
      '195967001',
      'albuterol 0.09 mg/actuat metered dose inhaler',
      '745679',
      'albuterol',
      'heart rate',
    ]);
  });

  it('reads a single resource as well as a Bundle', () => {
    expect(keywordsOf(encode({ resourceType: 'Condition', code: { text: 'Migraine' } }))).toEqual([
      'migraine',
    ]);
  });

  it('finds no keywords in content that is not JSON, or not FHIR', () => {
    expect(keywordsOf(Uint8Array.of(0xff, 0xfe, 0x00))).toEqual([]);
    expect(keywordsOf(new TextEncoder().encode('plain text report'))).toEqual([]);
    expect(keywordsOf(encode([1, 2, 3]))).toEqual([]);
    expect(keywordsOf(encode({ resourceType: 'Bundle', entry: 'nope' }))).toEqual([]);
  });

  it('finds the diagnoses and medications of a generated PHR in its partitions', () => {
    const phr = syntheticPhr({ owner: 'alice', seed: 'keywords', targetBytes: 64 * KiB });
    const medical = keywordsOf(part(phr, 'medical'));
    const conditions = bundle(part(phr, 'medical'))
      .entry.map((e) => e.resource)
      .filter((r) => r.resourceType === 'Condition')
      .map((r) => (r.code as { text: string }).text.toLowerCase());
    expect(conditions.length).toBeGreaterThan(0);
    for (const name of conditions) expect(medical).toContain(name);
    const prescription = keywordsOf(part(phr, 'prescription'));
    expect(prescription.length).toBeGreaterThan(0);
    expect(keywordsOf(part(phr, 'personal'))).toEqual([]);
  });
});
