/**
 * What a principal knows, as abstract facts. The concrete actors hold real keys and bytes; the net's
 * abstract mode and the verifier only see these facts, and the conformance check compares the two.
 * A coalition's view is the union of its members' facts plus what follows by actually decrypting
 * (see `actors/coalition.ts`).
 * @module
 */
import type { FileId, PrincipalId } from './ids.ts';
import type { PartitionLabel } from './phr/partition.ts';

/** The coordinates of one stored partition version: what a ciphertext, an R and a plaintext are of. */
export interface ObjectRef {
  readonly file: FileId;
  readonly partition: PartitionLabel;
  readonly version: number;
}

/**
 * One fact. `subject` says whose: the principal a secret key belongs to, the principal whose key
 * turns an R into K (the owner for R_P, the user for R_U), or the requester a consent code is for.
 */
export type KnowledgeFact =
  | { readonly kind: 'secret-key'; readonly subject: PrincipalId }
  | ({ readonly kind: 'parameter'; readonly subject: PrincipalId } & ObjectRef)
  | ({ readonly kind: 'ciphertext' } & ObjectRef)
  | ({ readonly kind: 'plaintext' } & ObjectRef)
  | { readonly kind: 'otp'; readonly file: FileId; readonly subject: PrincipalId }
  | { readonly kind: 'otp-secret'; readonly subject: PrincipalId };

/** A set of facts: sorted by {@link factKey}, without duplicates, frozen. */
export type Knowledge = readonly KnowledgeFact[];

/** The canonical string of a fact, for set semantics and for the net's token keys. */
export function factKey(fact: KnowledgeFact): string {
  switch (fact.kind) {
    case 'secret-key':
    case 'otp-secret':
      return `${fact.kind}(${fact.subject})`;
    case 'otp':
      return `otp(${fact.file},${fact.subject})`;
    case 'parameter':
      return `parameter(${fact.file},${fact.partition},${fact.version},${fact.subject})`;
    case 'ciphertext':
    case 'plaintext':
      return `${fact.kind}(${fact.file},${fact.partition},${fact.version})`;
    default: {
      const never: never = fact;
      return never;
    }
  }
}

/** The set of `facts`: deduplicated, sorted by key, each frozen. */
export function knowledgeOf(facts: Iterable<KnowledgeFact>): Knowledge {
  const byKey = new Map<string, KnowledgeFact>();
  for (const fact of facts) byKey.set(factKey(fact), Object.freeze({ ...fact }));
  return Object.freeze([...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f));
}

/** Whether `knowledge` holds `fact`. */
export function knows(knowledge: Knowledge, fact: KnowledgeFact): boolean {
  const key = factKey(fact);
  return knowledge.some((f) => factKey(f) === key);
}

/** The canonical string of an object's coordinates, the key of every per-version map. */
export function objectKey(ref: ObjectRef): string {
  return `${ref.file}/${ref.partition}/v${ref.version}`;
}
