import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../src/protocol/crypto/rng.ts';
import { fastPrng } from '../../../src/protocol/phr/fast-prng.ts';
import {
  bundleEntry,
  type DrawContext,
  drawResource,
  patientIdentity,
  proseOfLength,
  withFreeText,
} from '../../../src/protocol/phr/fhir-resources.ts';
import { FHIR_RESOURCE_TYPES } from '../../../src/protocol/phr/partition.ts';

function context(seed: string): DrawContext {
  const prng = fastPrng(seededRng(seed));
  return { prng, patient: patientIdentity(prng, 'alice'), sequence: 1 };
}

describe('synthetic FHIR resources', () => {
  it('writes prose of exactly the asked length, never ending in a space, needing no escapes', () => {
    const prng = fastPrng(seededRng('prose'));
    for (let length = 1; length <= 600; length++) {
      const text = proseOfLength(prng, length);
      expect(text).toHaveLength(length);
      expect(text.endsWith(' ')).toBe(false);
      expect(text).toMatch(/^[A-Za-z0-9 .,-]+$/);
    }
  });

  it.each(FHIR_RESOURCE_TYPES)('renders a %s in both tiers from the same draw, compact smaller', (type) => {
    const drawn = drawResource(type, context(`tiers-${type}`));
    const full = drawn('full');
    const compact = drawn('compact');
    expect(full.resource.resourceType).toBe(type);
    expect(compact.resource.resourceType).toBe(type);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length);
    expect(drawn('full')).toEqual(full);
  });

  it('gives full clinical resources a urn:uuid fullUrl equal to their id, and compact ones none', () => {
    const ctx = context('urls');
    for (const type of ['Condition', 'Observation', 'MedicationRequest', 'Coverage'] as const) {
      const drawn = drawResource(type, ctx);
      const full = bundleEntry(drawn('full'));
      expect(full.fullUrl).toBe(`urn:uuid:${(full.resource as { id: string }).id}`);
      expect(full.fullUrl).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(bundleEntry(drawn('compact')).fullUrl).toBeUndefined();
    }
  });

  it('adds free text as an annotation where FHIR has one, else as the XHTML narrative', () => {
    const ctx = context('free-text');
    const condition = drawResource('Condition', ctx)('compact').resource;
    expect(withFreeText('Condition', condition, 'Stable.').note).toEqual([{ text: 'Stable.' }]);
    const coverage = drawResource('Coverage', ctx)('compact').resource;
    expect(withFreeText('Coverage', coverage, 'Stable.').text).toEqual({
      status: 'generated',
      div: '<div xmlns="http://www.w3.org/1999/xhtml">Stable.</div>',
    });
  });

  it('marks the latest Patient version with the as-of date', () => {
    const latest = drawResource('Patient', context('patient'), true)('full').resource;
    expect(latest.meta).toEqual({ lastUpdated: '2025-01-15T09:30:00Z' });
  });
});
