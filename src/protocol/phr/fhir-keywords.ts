/**
 * The searchable keywords of a partition: what a clinician would type to find a record. These are
 * the names and codes of diagnoses, medications and measurements, taken from the FHIR content.
 */
import { normaliseKeyword } from '../crypto/sse.ts';

type Node = unknown;

function field(node: Node, key: string): Node {
  return typeof node === 'object' && node !== null && !Array.isArray(node)
    ? (node as Record<string, unknown>)[key]
    : undefined;
}

function list(node: Node): readonly Node[] {
  return Array.isArray(node) ? node : [];
}

/** The display names and text of a CodeableConcept, and its codes when `withCodes`. */
function conceptWords(concept: Node, withCodes: boolean): string[] {
  const words: string[] = [];
  for (const coding of list(field(concept, 'coding'))) {
    const display = field(coding, 'display');
    const code = field(coding, 'code');
    if (typeof display === 'string') words.push(display);
    if (withCodes && typeof code === 'string') words.push(code);
  }
  const text = field(concept, 'text');
  if (typeof text === 'string') words.push(text);
  return words;
}

function resourceWords(resource: Node): string[] {
  switch (field(resource, 'resourceType')) {
    case 'Condition':
      return conceptWords(field(resource, 'code'), true);
    case 'MedicationRequest':
      return conceptWords(field(resource, 'medicationCodeableConcept'), true);
    case 'Observation':
      return conceptWords(field(resource, 'code'), false);
    default:
      return [];
  }
}

/**
 * The keywords of a partition, normalised as the search index normalises them, without repeats, in
 * order of first appearance: condition names and SNOMED codes, medication names, ingredients and
 * RxNorm codes, measurement names. The content may be a FHIR Bundle or a single resource. Bytes
 * that are not UTF-8 JSON (a partition an owner filled with anything else) have no keywords: the
 * result is empty, and the partition is simply not searchable.
 */
export function keywordsOf(partitionBytes: Uint8Array): string[] {
  let content: Node;
  try {
    content = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(partitionBytes));
  } catch {
    return [];
  }
  const resources =
    field(content, 'resourceType') === 'Bundle'
      ? list(field(content, 'entry')).map((entry) => field(entry, 'resource'))
      : [content];
  const seen = new Set<string>();
  for (const resource of resources) {
    for (const word of resourceWords(resource)) {
      const keyword = normaliseKeyword(word);
      if (keyword.length > 0) seen.add(keyword);
    }
  }
  return [...seen];
}
