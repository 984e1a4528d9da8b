/**
 * Synthetic PHRs that look like real records, of any size from 1 KiB to 100 MiB, fixed by a seed.
 * Each partition is a FHIR R4 Bundle (type `collection`) of the resources of its types: Patient
 * versions in `personal`, Conditions and Observations in `medical`, Coverage in `insurance`,
 * MedicationRequests in `prescription`. Timing figures and throughput need sizes that are exact,
 * so the total is brought to the target byte for byte whenever the target is above the smallest
 * record the partitions fit in.
 *
 * How: the target is split over the partitions in proportion to the weights of their resource
 * types; each partition is filled with whole resources drawn in turn (rendered in full, or compact
 * when a full one no longer fits), and its last resource carries a free-text note or narrative of
 * exactly the length that is left. Resources are serialised one at a time straight into the output
 * buffer, so a 100 MiB record takes about a second rather than building one huge string.
 */
import { forkRng, type Rng, seededRng } from '../crypto/rng.ts';
import { type FastPrng, fastPrng } from './fast-prng.ts';
import {
  bundleEntry,
  type DrawContext,
  drawResource,
  type PatientIdentity,
  patientIdentity,
  proseOfLength,
  type RenderedResource,
  withFreeText,
} from './fhir-resources.ts';
import {
  type AccessLevel,
  DEFAULT_PARTITIONS,
  DEFAULT_RESOURCE_TYPES,
  FHIR_RESOURCE_TYPES,
  type FhirResourceType,
  type PartitionLabel,
  type Phr,
} from './partition.ts';

export { keywordsOf } from './fhir-keywords.ts';

/** What to generate. */
export interface SyntheticPhrOptions {
  readonly owner: string;
  /** The same seed (and options) always gives the same bytes. */
  readonly seed: string;
  /** Total size of all partitions in bytes. */
  readonly targetBytes: number;
  /** The partitions and their access levels; {@link DEFAULT_PARTITIONS} when absent. */
  readonly partitions?: ReadonlyMap<PartitionLabel, AccessLevel>;
  /** Which resource types a partition holds, for partitions not covered by {@link resourceTypesOf}'s defaults. */
  readonly resourceTypes?: ReadonlyMap<PartitionLabel, readonly FhirResourceType[]>;
}

/**
 * How much of a record each resource type makes up, relative to the others: measurements are the
 * bulk of a real record, demographics and insurance a small part.
 */
const TYPE_WEIGHTS: Readonly<Record<FhirResourceType, number>> = Object.freeze({
  Patient: 0.5,
  Condition: 2,
  Observation: 4,
  MedicationRequest: 2,
  Coverage: 0.5,
});

/** The largest deviation from the target the generator accepts, as a fraction of the target. */
export const SIZE_TOLERANCE = 0.01;

/** Free text shorter than this is not worth a note; the minimum is also what FHIR strings need (non-empty). */
const MIN_FREE_TEXT = 12;
const HEADER = '{"resourceType":"Bundle","type":"collection","entry":[';
const FOOTER = ']}';
const MARK = '\u0001';
const MARK_JSON = JSON.stringify(MARK).slice(1, -1);

/**
 * The resource types of partition `label` at `level`: those given explicitly, else the default
 * partition of that label's (`medical` holds Condition and Observation), else those of the default
 * partition at the same level (a custom `labs` at level 2 holds what `medical` does), else
 * Observation, the most common kind of record.
 */
export function resourceTypesOf(
  label: PartitionLabel,
  level: AccessLevel,
  explicit?: readonly FhirResourceType[],
): readonly FhirResourceType[] {
  if (explicit !== undefined) {
    if (explicit.length === 0) throw new RangeError(`partition ${label}: resource types must not be empty`);
    for (const type of explicit) {
      if (!(FHIR_RESOURCE_TYPES as readonly string[]).includes(type)) {
        throw new RangeError(`partition ${label}: unknown resource type ${JSON.stringify(type)}`);
      }
    }
    return explicit;
  }
  const byLabel = DEFAULT_RESOURCE_TYPES.get(label);
  if (byLabel !== undefined) return byLabel;
  for (const [defaultLabel, defaultLevel] of DEFAULT_PARTITIONS) {
    if (defaultLevel === level) return DEFAULT_RESOURCE_TYPES.get(defaultLabel)!;
  }
  return ['Observation'];
}

interface PartitionPlan {
  readonly label: PartitionLabel;
  readonly types: readonly FhirResourceType[];
  readonly weight: number;
}

const encoder = new TextEncoder();

function byteLength(s: string): number {
  return encoder.encode(s).length;
}

function pickType(prng: FastPrng, plan: PartitionPlan): FhirResourceType {
  let r = (prng.uint32() / 2 ** 32) * plan.weight;
  for (const type of plan.types) {
    r -= TYPE_WEIGHTS[type];
    if (r < 0) return type;
  }
  return plan.types[plan.types.length - 1]!;
}

/** The last entry of a partition, before and after its free text, and without any free text. */
interface FinalEntry {
  readonly plain: string;
  readonly before: string;
  readonly after: string;
}

function finalEntry(type: FhirResourceType, rendered: RenderedResource): FinalEntry {
  const plain = JSON.stringify(bundleEntry(rendered));
  const marked = JSON.stringify(bundleEntry(rendered, withFreeText(type, rendered.resource, MARK)));
  const at = marked.lastIndexOf(MARK_JSON);
  return { plain, before: marked.slice(0, at), after: marked.slice(at + MARK_JSON.length) };
}

/** A rendered full entry kept for reuse: its bytes (with the trailing comma) and where its UUIDs are. */
interface PooledEntry {
  readonly bytes: Uint8Array;
  readonly uuidOffsets: readonly number[];
}

/**
 * How many distinct full resources a partition draws before it starts repeating them. Large records
 * are built by copying pooled entries with fresh UUIDs, which is what keeps 100 MiB to well under a
 * second; 512 distinct resources per partition is more variety than the vocabulary itself has.
 */
const POOL_SIZE = 512;

const HEX_DIGITS = encoder.encode('0123456789abcdef');
const UUID_TEMPLATE = encoder.encode('xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx');
/** Where the 30 random hex digits of a version 4 UUID go (the version and variant digits are fixed here). */
const UUID_RANDOM_DIGITS = Object.freeze(
  [...UUID_TEMPLATE.keys()].filter((i) => UUID_TEMPLATE[i] === 0x78 /* 'x' */),
);

/**
 * Overwrites the random digits of the UUID in `target` with fresh ones, in place: a pooled entry
 * gets a new id for every copy without building a string (the variant digit stays 8).
 */
function writeUuid(prng: FastPrng, target: Uint8Array): void {
  let word = 0;
  for (let i = 0; i < UUID_RANDOM_DIGITS.length; i++) {
    if (i % 8 === 0) word = prng.uint32();
    target[UUID_RANDOM_DIGITS[i]!] = HEX_DIGITS[word & 0xf]!;
    word >>>= 4;
  }
}

function pooledEntry(rendered: RenderedResource): PooledEntry {
  const text = `${JSON.stringify(bundleEntry(rendered))},`;
  const uuidOffsets: number[] = [];
  const id = rendered.fullUrl?.slice('urn:uuid:'.length);
  if (id !== undefined) {
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
      uuidOffsets.push(byteLength(text.slice(0, at)));
    }
  }
  return { bytes: encoder.encode(text), uuidOffsets };
}

/**
 * One partition's Bundle of `share` bytes, or as close as whole resources allow: exact whenever the
 * share holds the header, the last resource and a minimal note; otherwise the smallest Bundle of
 * one compact resource.
 */
function buildPartition(plan: PartitionPlan, share: number, patient: PatientIdentity, rng: Rng): Uint8Array {
  const prng = fastPrng(rng);
  const ctx: DrawContext = { prng, patient, sequence: 1 };
  const lastType = plan.types[0]!;
  const lastDrawn = drawResource(lastType, ctx, true);
  const fixed = HEADER.length + FOOTER.length;
  let last = finalEntry(lastType, lastDrawn('full'));
  if (fixed + byteLength(last.before) + MIN_FREE_TEXT + byteLength(last.after) > share) {
    last = finalEntry(lastType, lastDrawn('compact'));
  }
  const plainBytes = byteLength(last.plain);
  const freeTextOverhead = byteLength(last.before) + byteLength(last.after);
  const out = new Uint8Array(Math.max(share, fixed + plainBytes));
  let pos = encoder.encodeInto(HEADER, out).written;
  // Entries end by here, so the last resource always has room for its minimal note.
  const limit = share - FOOTER.length - freeTextOverhead - MIN_FREE_TEXT;
  const pool: PooledEntry[] = [];
  const uuid = new Uint8Array(UUID_TEMPLATE);
  // Full entries while they fit: fresh ones until the pool is full, then pooled ones with new UUIDs.
  while (pos < limit) {
    const entry =
      pool.length < POOL_SIZE
        ? pooledEntry(drawResource(pickType(prng, plan), ctx)('full'))
        : pool[prng.below(POOL_SIZE)]!;
    if (pool.length < POOL_SIZE) pool.push(entry);
    if (pos + entry.bytes.length > limit) break;
    out.set(entry.bytes, pos);
    if (pool.length === POOL_SIZE) {
      writeUuid(prng, uuid);
      for (const offset of entry.uuidOffsets) out.set(uuid, pos + offset);
    }
    pos += entry.bytes.length;
  }
  // Then compact entries while they fit, to leave less for the free text.
  while (pos < limit) {
    const entry = encoder.encode(
      `${JSON.stringify(bundleEntry(drawResource(pickType(prng, plan), ctx)('compact')))},`,
    );
    if (pos + entry.length > limit) break;
    out.set(entry, pos);
    pos += entry.length;
  }
  const room = share - pos - FOOTER.length - freeTextOverhead;
  const tail = room >= MIN_FREE_TEXT ? `${last.before}${proseOfLength(prng, room)}${last.after}` : last.plain;
  pos += encoder.encodeInto(`${tail}${FOOTER}`, out.subarray(pos)).written;
  return pos === out.length ? out : out.slice(0, pos);
}

function assertOptions(
  options: SyntheticPhrOptions,
  partitions: ReadonlyMap<PartitionLabel, AccessLevel>,
): void {
  if (!Number.isSafeInteger(options.targetBytes) || options.targetBytes < 1) {
    throw new RangeError(`targetBytes must be a positive integer, received ${options.targetBytes}`);
  }
  if (partitions.size === 0) throw new RangeError('a PHR needs at least one partition');
  for (const label of options.resourceTypes?.keys() ?? []) {
    if (!partitions.has(label)) {
      throw new RangeError(`resourceTypes names partition ${label}, which is not among the partitions`);
    }
  }
}

/**
 * A deterministic synthetic PHR of `targetBytes` bytes in total (exact; the generator refuses a
 * target it cannot reach within {@link SIZE_TOLERANCE}, which happens only below about 1 KiB for
 * the default partitions), each partition a JSON FHIR Bundle. The bytes depend on the seed, the
 * owner, the target and the partitions; each partition and the patient draw from their own fork of
 * the seeded stream.
 */
export function syntheticPhr(options: SyntheticPhrOptions): Phr {
  const partitions = options.partitions ?? DEFAULT_PARTITIONS;
  assertOptions(options, partitions);
  const plans: PartitionPlan[] = [...partitions].map(([label, level]) => {
    const types = resourceTypesOf(label, level, options.resourceTypes?.get(label));
    return { label, types, weight: types.reduce((sum, type) => sum + TYPE_WEIGHTS[type], 0) };
  });
  const root = forkRng(seededRng(options.seed), 'synthetic-phr');
  const patient = patientIdentity(fastPrng(forkRng(root, 'patient')), options.owner);
  // The heaviest partition goes last: it takes up whatever the others could not place exactly.
  const last = plans.reduce((best, plan) => (plan.weight > best.weight ? plan : best));
  const order = [...plans.filter((plan) => plan !== last), last];
  const bytes = new Map<PartitionLabel, Uint8Array>();
  let remaining = options.targetBytes;
  let remainingWeight = plans.reduce((sum, plan) => sum + plan.weight, 0);
  for (const plan of order) {
    const share = plan === last ? remaining : Math.round((remaining * plan.weight) / remainingWeight);
    const content = buildPartition(plan, share, patient, forkRng(root, `partition/${plan.label}`));
    bytes.set(plan.label, content);
    remaining -= content.length;
    remainingWeight -= plan.weight;
  }
  const total = options.targetBytes - remaining;
  if (Math.abs(total - options.targetBytes) > SIZE_TOLERANCE * options.targetBytes) {
    throw new RangeError(
      `targetBytes ${options.targetBytes} is too small for these partitions: the smallest record is ${total} bytes`,
    );
  }
  return Object.freeze({
    owner: options.owner,
    partitions: new Map(plans.map((plan) => [plan.label, bytes.get(plan.label)!])),
  });
}
