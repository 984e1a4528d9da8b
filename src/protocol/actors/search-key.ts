/**
 * The keyword-search key of one partition version, derived from that version's K. Only who can
 * compute K (the owner, or a user the SRS gave R) can make trapdoors, so search rights follow read
 * rights exactly, and a new version (fresh r) has a new search key.
 * @module
 */
import { deriveDemKey } from '../crypto/dem.ts';
import type { Gt } from '../crypto/sesphr-kem.ts';
import { searchKey } from '../crypto/sse.ts';
import type { ObjectRef } from '../knowledge.ts';

/** The SSE key of `ref` under K (through the partition's DEM key, which already binds the version). */
export function partitionSearchKey(k: Gt, ref: ObjectRef): Uint8Array {
  const demKey = deriveDemKey(k, { fileId: ref.file, label: ref.partition, version: ref.version });
  return searchKey(demKey, ref.file, ref.partition);
}
