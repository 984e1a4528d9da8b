/**
 * A personal health record as SeSPHR sees it: named partitions, each a byte string, each at an
 * access level. The owner encrypts all partitions of one level under one session key (a fresh r
 * per level), so the level is the unit of sharing and the label the unit of storage and search.
 * Several partitions may share a level.
 */
import type { Brand } from '../../model/brand.ts';

/** The name of a partition within a PHR, such as `medical`. */
export type PartitionLabel = Brand<string, 'PartitionLabel'>;

/**
 * An access level: an integer >= 1. Plain numbers, not branded, because levels are also ordered
 * and counted (the paper's four levels), and arithmetic on a brand would need casts everywhere.
 */
export type AccessLevel = number;

/** The FHIR R4 resource types the synthetic records are made of. */
export const FHIR_RESOURCE_TYPES = Object.freeze([
  'Patient',
  'Condition',
  'Observation',
  'MedicationRequest',
  'Coverage',
] as const);
/** One of {@link FHIR_RESOURCE_TYPES}. */
export type FhirResourceType = (typeof FHIR_RESOURCE_TYPES)[number];

/** A PHR: its owner and the plaintext of each partition. */
export interface Phr {
  readonly owner: string;
  readonly partitions: ReadonlyMap<PartitionLabel, Uint8Array>;
}

/** Labels are names in logs and file paths: letters, digits, '.', '_' or '-', not starting with a symbol. */
const LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Brands `s` as a partition label, refusing what could not be a name in a log or a file path. */
export function partitionLabel(s: string): PartitionLabel {
  if (typeof s !== 'string' || !LABEL.test(s)) {
    throw new TypeError(
      `partition label must be letters, digits, '.', '_' or '-' (not starting with a symbol), got ${JSON.stringify(s)}`,
    );
  }
  return s as PartitionLabel;
}

/** Checks that `n` is an access level (an integer >= 1) and returns it. */
export function accessLevel(n: number): AccessLevel {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`access level must be an integer >= 1, got ${n}`);
  }
  return n;
}

/** The paper's four partitions and their access levels (label -> level). */
export const DEFAULT_PARTITIONS: ReadonlyMap<PartitionLabel, AccessLevel> = new Map([
  [partitionLabel('personal'), accessLevel(1)],
  [partitionLabel('medical'), accessLevel(2)],
  [partitionLabel('insurance'), accessLevel(3)],
  [partitionLabel('prescription'), accessLevel(4)],
]);

/**
 * Which resource types each default partition holds: demographics are personal, diagnoses and
 * measurements medical, coverage is insurance, medication orders are prescriptions.
 */
export const DEFAULT_RESOURCE_TYPES: ReadonlyMap<PartitionLabel, readonly FhirResourceType[]> = new Map<
  PartitionLabel,
  readonly FhirResourceType[]
>([
  [partitionLabel('personal'), Object.freeze(['Patient'] as const)],
  [partitionLabel('medical'), Object.freeze(['Condition', 'Observation'] as const)],
  [partitionLabel('insurance'), Object.freeze(['Coverage'] as const)],
  [partitionLabel('prescription'), Object.freeze(['MedicationRequest'] as const)],
]);
