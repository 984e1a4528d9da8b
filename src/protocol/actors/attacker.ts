/**
 * The attacker as a coalition (SPEC section 2, properties P4–P6): any set of principals and
 * infrastructure actors pooling what they hold. What the coalition can read is not assumed from a
 * table but found by trying: every key the pool can derive for a file is tried on the ciphertext,
 * and the AES-GCM tag says whether it opened. So "the SRS alone cannot decrypt" and "the SRS and the
 * cloud together can" are observed, not declared.
 * @module
 */
import { openPartition } from '../crypto/dem.ts';
import { decapsulate, type Gt, ownerDecapsulate, type Scalar } from '../crypto/sesphr-kem.ts';
import type { PrincipalId } from '../ids.ts';
import { type Knowledge, type KnowledgeFact, knowledgeOf, type ObjectRef, objectKey } from '../knowledge.ts';
import type { Holdings, KnowledgeHolder } from './holdings.ts';

/** How a coalition read a partition version, or why it could not. */
export type CoalitionDecryption =
  | {
      readonly kind: 'decrypted';
      readonly plaintext: Uint8Array;
      /** `plaintext`: a member already held it; otherwise the kind of R that gave the key. */
      readonly via: 'plaintext' | 'user-parameter' | 'owner-parameter';
    }
  | { readonly kind: 'cannot'; readonly reason: 'no-ciphertext' | 'no-key' };

/** The union of the members' holdings (secret keys by subject, everything else concatenated). */
export function poolHoldings(members: readonly KnowledgeHolder[]): Holdings {
  const secretKeys = new Map<PrincipalId, Scalar>();
  const pooled = members.map((m) => m.holdings());
  for (const h of pooled) for (const [subject, sk] of h.secretKeys) secretKeys.set(subject, sk);
  return Object.freeze({
    secretKeys,
    ownerParameters: Object.freeze(pooled.flatMap((h) => h.ownerParameters)),
    userParameters: Object.freeze(pooled.flatMap((h) => h.userParameters)),
    ciphertexts: Object.freeze(pooled.flatMap((h) => h.ciphertexts)),
    plaintexts: Object.freeze(pooled.flatMap((h) => h.plaintexts)),
  });
}

/**
 * Every way the pool can compute a K for `file`, the target's own version first (it is the likely
 * one); each K is computed only when tried, since each costs an exponentiation or a pairing.
 */
function candidateKeys(
  pool: Holdings,
  target: ObjectRef,
): { key: () => Gt; via: 'user-parameter' | 'owner-parameter' }[] {
  const rank = (ref: ObjectRef): number =>
    ref.partition === target.partition && ref.version === target.version ? 0 : 1;
  const candidates: { key: () => Gt; via: 'user-parameter' | 'owner-parameter'; rank: number }[] = [];
  const seen = new Set<string>();
  for (const p of pool.userParameters) {
    const sk = pool.secretKeys.get(p.subject);
    const id = `u:${objectKey(p)}:${p.subject}`;
    if (p.file !== target.file || sk === undefined || seen.has(id)) continue;
    seen.add(id);
    candidates.push({ key: () => decapsulate(p.rU, sk), via: 'user-parameter', rank: rank(p) });
  }
  for (const p of pool.ownerParameters) {
    const sk = pool.secretKeys.get(p.owner);
    const id = `o:${objectKey(p)}`;
    if (p.file !== target.file || sk === undefined || seen.has(id)) continue;
    seen.add(id);
    candidates.push({ key: () => ownerDecapsulate(p.rP, sk), via: 'owner-parameter', rank: rank(p) });
  }
  return candidates.sort((a, b) => a.rank - b.rank);
}

/**
 * Tries to read one partition version with what the coalition pooled: a plaintext a member holds,
 * or any ciphertext of that version opened under any key the pool can compute for the file.
 * Partitions of one access level share r, so an R for one of them opens the others; trying every
 * key of the file shows that too.
 */
export function coalitionDecrypt(
  members: readonly KnowledgeHolder[],
  target: ObjectRef,
): CoalitionDecryption {
  return decryptWithPool(poolHoldings(members), target);
}

function decryptWithPool(pool: Holdings, target: ObjectRef): CoalitionDecryption {
  const key = objectKey(target);
  const held = pool.plaintexts.find((p) => objectKey(p) === key);
  if (held !== undefined) {
    return Object.freeze({ kind: 'decrypted', plaintext: held.plaintext, via: 'plaintext' });
  }
  const ciphertexts = pool.ciphertexts.filter((c) => objectKey(c) === key);
  if (ciphertexts.length === 0) return Object.freeze({ kind: 'cannot', reason: 'no-ciphertext' });
  const aad = { fileId: target.file, label: target.partition, version: target.version };
  for (const candidate of candidateKeys(pool, target)) {
    const k = candidate.key();
    for (const c of ciphertexts) {
      const opened = openPartition(k, aad, c.sealed);
      if (opened.kind === 'opened') {
        return Object.freeze({ kind: 'decrypted', plaintext: opened.plaintext, via: candidate.via });
      }
    }
  }
  return Object.freeze({ kind: 'cannot', reason: 'no-key' });
}

/** Whether the coalition can read the partition version (see {@link coalitionDecrypt}). */
export function coalitionCanDecrypt(members: readonly KnowledgeHolder[], target: ObjectRef): boolean {
  return coalitionDecrypt(members, target).kind === 'decrypted';
}

/**
 * The coalition's knowledge: the union of its members' facts, plus a plaintext fact for every
 * ciphertext in the pool that the pooled keys actually open.
 */
export function coalitionKnowledge(members: readonly KnowledgeHolder[]): Knowledge {
  const facts: KnowledgeFact[] = members.flatMap((m) => [...m.knowledge()]);
  const pool = poolHoldings(members);
  const seen = new Set<string>();
  for (const c of pool.ciphertexts) {
    const key = objectKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    const ref: ObjectRef = { file: c.file, partition: c.partition, version: c.version };
    if (decryptWithPool(pool, ref).kind === 'decrypted') facts.push({ kind: 'plaintext', ...ref });
  }
  return knowledgeOf(facts);
}
