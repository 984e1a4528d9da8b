/**
 * Synthetic HL7 FHIR R4 resources: Patient, Condition, Observation, MedicationRequest, Coverage.
 * Each resource is drawn once (its facts: which diagnosis, which value, which date) and rendered in
 * one of two tiers: `full`, with the elements a real record carries (statuses, categories, codings,
 * dosage, UUID ids), or `compact`, with the few elements that still make it a meaningful resource.
 * The compact tier lets a 1 KiB PHR hold a resource of every partition; the full tier is what
 * larger PHRs are made of.
 */

import type { FastPrng } from './fast-prng.ts';
import {
  CONDITIONS,
  COVERAGE_TYPES,
  FAMILY,
  FREQUENCIES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MEDICATIONS,
  NOTE_PHRASES,
  OBSERVATIONS,
  PAYORS,
  PLACES,
  STREETS,
  SYSTEMS,
} from './fhir-vocabulary.ts';
import type { FhirResourceType } from './partition.ts';

/** A JSON value as JSON.stringify writes it. */
export type JsonValue = string | number | boolean | readonly JsonValue[] | JsonObject;
/** A JSON object. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** How much of a resource to write. */
export type Tier = 'full' | 'compact';

/** Who the record is about: the same person in every partition. */
export interface PatientIdentity {
  readonly id: string;
  readonly owner: string;
  readonly family: string;
  readonly given: readonly string[];
  readonly gender: 'female' | 'male';
  readonly birthDate: string;
  readonly birthYear: number;
  readonly mrn: string;
}

/** The date the synthetic records are "as of": every date drawn lies before it. */
const AS_OF_YEAR = 2025;
const AS_OF = '2025-01-15T09:30:00Z';

function pad(n: number, width: number): string {
  return n.toString().padStart(width, '0');
}

function hex(prng: FastPrng, words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) out += prng.uint32().toString(16).padStart(8, '0');
  return out;
}

/** A random (version 4 layout) UUID, drawn from the seeded generator. */
function randomUuid(prng: FastPrng): string {
  const h = hex(prng, 4);
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A date in [fromYear, toYear]; days stop at 28 so every month is valid. Fixed width: YYYY-MM-DD. */
function date(prng: FastPrng, fromYear: number, toYear: number): string {
  return `${prng.between(fromYear, toYear)}-${pad(prng.between(1, 12), 2)}-${pad(prng.between(1, 28), 2)}`;
}

/** A date-time in [fromYear, toYear], UTC, fixed width. */
function dateTime(prng: FastPrng, fromYear: number, toYear: number): string {
  const time = `${pad(prng.between(7, 18), 2)}:${pad(prng.below(60), 2)}:${pad(prng.below(60), 2)}`;
  return `${date(prng, fromYear, toYear)}T${time}Z`;
}

function quantity(prng: FastPrng, min: number, max: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round((min + (prng.uint32() / 2 ** 32) * (max - min)) * scale) / scale;
}

function practitioner(prng: FastPrng): string {
  return `Dr. ${prng.pick(prng.chance(0.5) ? GIVEN_FEMALE : GIVEN_MALE)} ${prng.pick(FAMILY)}`;
}

/** The person a synthetic PHR belongs to, drawn once and shared by every partition. */
export function patientIdentity(prng: FastPrng, owner: string): PatientIdentity {
  const gender = prng.chance(0.5) ? 'female' : 'male';
  const names = gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE;
  const given = prng.chance(0.4) ? [prng.pick(names), prng.pick(names)] : [prng.pick(names)];
  const birthYear = prng.between(1935, 2006);
  return Object.freeze({
    id: hex(prng, 2),
    owner,
    family: prng.pick(FAMILY),
    given: Object.freeze(given),
    gender,
    birthDate: `${birthYear}-${pad(prng.between(1, 12), 2)}-${pad(prng.between(1, 28), 2)}`,
    birthYear,
    mrn: `MRN${pad(prng.below(10_000_000), 7)}`,
  });
}

/** A resource as rendered in one tier, with the `urn:uuid` its Bundle entry is known by, if any. */
export interface RenderedResource {
  readonly resource: JsonObject;
  readonly fullUrl?: string;
}

/** A drawn resource's renderer: the facts are drawn once, so the tier changes nothing else. */
export type DrawnResource = (tier: Tier) => RenderedResource;

/** What drawing a resource needs: the generator, the patient, and a per-partition sequence for short ids. */
export interface DrawContext {
  readonly prng: FastPrng;
  readonly patient: PatientIdentity;
  /** The next short id's number; advanced by every draw. */
  sequence: number;
}

function coding(system: string, code: string, display?: string): JsonObject {
  return display === undefined ? { system, code } : { system, code, display };
}

function drawPatient(ctx: DrawContext, latest: boolean): DrawnResource {
  const { prng, patient } = ctx;
  const place = prng.pick(PLACES);
  const line = `${prng.between(1, 240)} ${prng.pick(STREETS)}`;
  const phone = `+1 555 ${pad(prng.below(10_000), 4)} ${pad(prng.below(1000), 3)}`;
  const lastUpdated = latest ? AS_OF : dateTime(prng, 2000, AS_OF_YEAR - 1);
  const email = `${patient.given[0]!.toLowerCase()}.${prng.below(1000)}@example.org`;
  return (tier) => {
    const name: JsonObject = { family: patient.family, given: patient.given };
    if (tier === 'compact') {
      return {
        resource: {
          resourceType: 'Patient',
          id: patient.id,
          name: [name],
          gender: patient.gender,
          birthDate: patient.birthDate,
        },
      };
    }
    const resource: JsonObject = {
      resourceType: 'Patient',
      id: patient.id,
      meta: { lastUpdated },
      identifier: [
        { system: SYSTEMS.owner, value: patient.owner },
        { system: SYSTEMS.mrn, value: patient.mrn },
      ],
      active: true,
      name: [{ use: 'official', ...name }],
      telecom: [
        { system: 'phone', value: phone, use: 'mobile' },
        { system: 'email', value: email },
      ],
      gender: patient.gender,
      birthDate: patient.birthDate,
      address: [
        { use: 'home', line: [line], city: place.city, postalCode: place.postalCode, country: place.country },
      ],
    };
    return { resource };
  };
}

function drawCondition(ctx: DrawContext): DrawnResource {
  const { prng, patient } = ctx;
  const id = randomUuid(prng);
  const short = `c${ctx.sequence++}`;
  const term = prng.pick(CONDITIONS);
  const onset = date(prng, Math.max(patient.birthYear + 1, 1990), AS_OF_YEAR - 1);
  const active = prng.chance(0.8);
  const recorder = practitioner(prng);
  const note = prng.chance(0.3) ? prng.pick(NOTE_PHRASES) : undefined;
  return (tier) => {
    const subject = { reference: `Patient/${patient.id}` };
    if (tier === 'compact')
      return { resource: { resourceType: 'Condition', id: short, code: { text: term.text }, subject } };
    const resource: JsonObject = {
      resourceType: 'Condition',
      id,
      clinicalStatus: { coding: [coding(SYSTEMS.conditionClinical, active ? 'active' : 'resolved')] },
      verificationStatus: { coding: [coding(SYSTEMS.conditionVerification, 'confirmed')] },
      category: [{ coding: [coding(SYSTEMS.conditionCategory, 'problem-list-item', 'Problem List Item')] }],
      code: { coding: [coding(SYSTEMS.snomed, term.code, term.display)], text: term.text },
      subject,
      onsetDateTime: onset,
      recordedDate: onset,
      recorder: { display: recorder },
      ...(note === undefined ? {} : { note: [{ text: note }] }),
    };
    return { resource, fullUrl: `urn:uuid:${id}` };
  };
}

function drawObservation(ctx: DrawContext): DrawnResource {
  const { prng, patient } = ctx;
  const id = randomUuid(prng);
  const short = `o${ctx.sequence++}`;
  const term = prng.pick(OBSERVATIONS);
  const value = quantity(prng, term.min, term.max, term.decimals);
  const effective = dateTime(prng, Math.max(patient.birthYear + 1, 2005), AS_OF_YEAR - 1);
  return (tier) => {
    const subject = { reference: `Patient/${patient.id}` };
    if (tier === 'compact') {
      return {
        resource: {
          resourceType: 'Observation',
          id: short,
          status: 'final',
          code: { text: term.display },
          subject,
          valueQuantity: { value, unit: term.unit },
        },
      };
    }
    const resource: JsonObject = {
      resourceType: 'Observation',
      id,
      status: 'final',
      category: [{ coding: [coding(SYSTEMS.observationCategory, term.category)] }],
      code: { coding: [coding(SYSTEMS.loinc, term.code, term.display)], text: term.display },
      subject,
      effectiveDateTime: effective,
      issued: effective,
      valueQuantity: { value, unit: term.unit, system: SYSTEMS.ucum, code: term.unit },
    };
    return { resource, fullUrl: `urn:uuid:${id}` };
  };
}

function drawMedicationRequest(ctx: DrawContext): DrawnResource {
  const { prng, patient } = ctx;
  const id = randomUuid(prng);
  const short = `m${ctx.sequence++}`;
  const med = prng.pick(MEDICATIONS);
  const frequency = prng.pick(FREQUENCIES);
  const reason = prng.pick(CONDITIONS);
  const authoredOn = date(prng, Math.max(patient.birthYear + 1, 2000), AS_OF_YEAR - 1);
  const requester = practitioner(prng);
  const repeats = prng.between(0, 5);
  const supplyDays = prng.pick([30, 60, 90]);
  return (tier) => {
    const subject = { reference: `Patient/${patient.id}` };
    if (tier === 'compact') {
      return {
        resource: {
          resourceType: 'MedicationRequest',
          id: short,
          status: 'active',
          intent: 'order',
          medicationCodeableConcept: { text: med.ingredient },
          subject,
        },
      };
    }
    const resource: JsonObject = {
      resourceType: 'MedicationRequest',
      id,
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [coding(SYSTEMS.rxnorm, med.code, med.display)],
        text: med.ingredient,
      },
      subject,
      authoredOn,
      requester: { display: requester },
      reasonCode: [{ coding: [coding(SYSTEMS.snomed, reason.code, reason.display)] }],
      dosageInstruction: [
        {
          text: `Take ${med.dose} ${med.doseUnit}${med.dose > 1 ? 's' : ''} ${frequency.text}`,
          timing: {
            repeat: {
              frequency: frequency.frequency,
              period: frequency.period,
              periodUnit: frequency.periodUnit,
            },
          },
          doseAndRate: [{ doseQuantity: { value: med.dose, unit: med.doseUnit } }],
        },
      ],
      dispenseRequest: {
        numberOfRepeatsAllowed: repeats,
        expectedSupplyDuration: { value: supplyDays, unit: 'days', system: SYSTEMS.ucum, code: 'd' },
      },
    };
    return { resource, fullUrl: `urn:uuid:${id}` };
  };
}

function drawCoverage(ctx: DrawContext): DrawnResource {
  const { prng, patient } = ctx;
  const id = randomUuid(prng);
  const short = `v${ctx.sequence++}`;
  const payor = prng.pick(PAYORS);
  const type = prng.pick(COVERAGE_TYPES);
  const startYear = prng.between(Math.max(patient.birthYear + 18, 2005), AS_OF_YEAR - 1);
  const start = `${startYear}-01-01`;
  const end = `${startYear + prng.between(1, 3)}-12-31`;
  const subscriberId = `${payor.slice(0, 3).toUpperCase()}-${pad(prng.below(100_000_000), 8)}`;
  const group = `GRP-${pad(prng.below(100_000), 5)}`;
  return (tier) => {
    const beneficiary = { reference: `Patient/${patient.id}` };
    if (tier === 'compact') {
      return {
        resource: {
          resourceType: 'Coverage',
          id: short,
          status: 'active',
          beneficiary,
          payor: [{ display: payor }],
        },
      };
    }
    const resource: JsonObject = {
      resourceType: 'Coverage',
      id,
      status: 'active',
      type: { coding: [coding(SYSTEMS.actCode, type.code, type.display)] },
      subscriberId,
      beneficiary,
      relationship: { coding: [coding(SYSTEMS.subscriberRelationship, 'self')] },
      period: { start, end },
      payor: [{ display: payor }],
      class: [
        {
          type: { coding: [coding(SYSTEMS.coverageClass, 'group')] },
          value: group,
          name: `${payor} group plan`,
        },
      ],
    };
    return { resource, fullUrl: `urn:uuid:${id}` };
  };
}

/**
 * Draws a resource of `type`. `latest` marks the Patient entry that is the current version (its
 * `lastUpdated` is the as-of date); the other Patient entries are earlier versions of the same person.
 */
export function drawResource(type: FhirResourceType, ctx: DrawContext, latest = false): DrawnResource {
  switch (type) {
    case 'Patient':
      return drawPatient(ctx, latest);
    case 'Condition':
      return drawCondition(ctx);
    case 'Observation':
      return drawObservation(ctx);
    case 'MedicationRequest':
      return drawMedicationRequest(ctx);
    case 'Coverage':
      return drawCoverage(ctx);
    default: {
      const unreachable: never = type;
      throw new Error(`unknown resource type ${String(unreachable)}`);
    }
  }
}

/**
 * `resource` carrying free text `content`: an annotation (`note`) where FHIR R4 has one, otherwise
 * the resource's XHTML narrative (`text`). The content must need no JSON or XHTML escaping; the
 * generator uses it to bring a partition to its exact size.
 */
export function withFreeText(type: FhirResourceType, resource: JsonObject, content: string): JsonObject {
  switch (type) {
    case 'Condition':
    case 'Observation':
    case 'MedicationRequest':
      return {
        ...resource,
        note: [...((resource.note as readonly JsonValue[] | undefined) ?? []), { text: content }],
      };
    case 'Patient':
    case 'Coverage':
      return {
        ...resource,
        text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${content}</div>` },
      };
    default: {
      const unreachable: never = type;
      throw new Error(`unknown resource type ${String(unreachable)}`);
    }
  }
}

/** Clinical prose of exactly `length` ASCII characters (at least 1), needing no escaping anywhere. */
export function proseOfLength(prng: FastPrng, length: number): string {
  const parts: string[] = [];
  let size = -1;
  while (size < length) {
    const phrase = prng.pick(NOTE_PHRASES);
    parts.push(phrase);
    size += phrase.length + 1;
  }
  const text = parts.join(' ').slice(0, length);
  return text.endsWith(' ') ? `${text.slice(0, -1)}.` : text;
}

/** A Bundle entry: the resource, after its fullUrl when it has one. */
export function bundleEntry(
  rendered: RenderedResource,
  resource: JsonObject = rendered.resource,
): JsonObject {
  return rendered.fullUrl === undefined ? { resource } : { fullUrl: rendered.fullUrl, resource };
}
