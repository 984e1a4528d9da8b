/**
 * What one operation of the scheme costs (SPEC 7, beyond the paper), each timed alone after a
 * warm-up: the group operations the paper's equations name, and the two steps a share repeats per
 * partition measured through the real system (the SRS's re-encryption with its ACL check, and a
 * user's decryption of one partition). Inputs are drawn from the seed before the clock starts.
 */
import {
  decapsulate,
  fileId,
  forkRng,
  generateKeyPair,
  ownerParameter,
  type PartitionLabel,
  type Phr,
  pairingGenerator,
  randomScalar,
  reEncrypt,
  reEncryptionKey,
  seededRng,
  sessionKey,
} from '../../protocol/index.ts';
import type { BenchConfig } from './bench-config.ts';
import type { Progress } from './progress.ts';
import { sampleRuns } from './sampler.ts';
import { expectOk, FIXTURE_OWNER, shareFixture } from './share-fixture.ts';
import { type TimingStat, timingStat } from './timing-stat.ts';

/** One operation's cost. */
export interface OperationCost {
  /** A short name: `pairing`, `R computation`, … */
  readonly op: string;
  /** What is computed, with the paper's equation. */
  readonly what: string;
  readonly stat: TimingStat;
}

/** How many distinct inputs the group operations cycle through. */
const INPUTS = 16;

/** Measures each operation with `plan` (warm-up and runs), in a fixed order. */
export function measureOperations(
  plan: BenchConfig['operations'],
  seed: string,
  buckets: number,
  progress: Progress,
): OperationCost[] {
  const rng = seededRng(`${seed}/operations`);
  pairingGenerator();
  const owner = generateKeyPair(forkRng(rng, 'owner'));
  const users = Array.from({ length: INPUTS }, (_, i) => generateKeyPair(forkRng(rng, `user-${i}`)));
  const rs = Array.from({ length: INPUTS }, () => randomScalar(rng));
  const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
  const rPs = rs.map((r) => ownerParameter(r, owner.sk));
  const rks = users.map((u) => reEncryptionKey(owner.sk, u.sk));
  const rUs = rPs.map((rP, i) => reEncrypt(rP, at(rks, i)));

  // A stored file of partitions of exactly `partitionKiB`, the doctor holding its ciphertexts.
  const { system, owner: alice, doctor } = shareFixture(`${seed}/operations/system`, buckets);
  const file = fileId('ops');
  const partitionRng = forkRng(rng, 'partitions');
  const scheme = system.scheme(alice);
  const phr: Phr = {
    owner: FIXTURE_OWNER,
    partitions: new Map(
      [...scheme.keys()].map((label) => [label, partitionRng.bytes(plan.partitionKiB * 1024)]),
    ),
  };
  expectOk(system.upload({ owner: alice, file, phr }), 'upload');
  expectOk(system.download({ user: doctor, file }), 'download');
  const labels: PartitionLabel[] = [...scheme.keys()];
  for (const partition of labels) expectOk(system.request({ user: doctor, file, partition }), 'request');

  const op = <T>(name: string, what: string, prepare: (i: number) => T, body: (input: T) => unknown) => {
    progress(`operations: ${name}`);
    return Object.freeze({ op: name, what, stat: timingStat(sampleRuns(plan, prepare, body)) });
  };
  const keyRng = forkRng(rng, 'key pairs');
  return [
    op(
      'key pair',
      'x ← Z_q*, PK = g2^x, one G2 multiplication (eq. 5; Fig. 3 adds the SRS bookkeeping)',
      () => keyRng,
      generateKeyPair,
    ),
    op(
      'pairing',
      'e(R_P, RK): one BLS12-381 pairing, the core of re-encryption (eqs. 15–18)',
      (i) => i,
      (i) => reEncrypt(at(rPs, i), at(rks, i)),
    ),
    op(
      'K = Z^r',
      'session key of one access level, one GT exponentiation (eqs. 6–9)',
      (i) => at(rs, i),
      sessionKey,
    ),
    op(
      'R computation',
      'R_P = g1^{r·x_P}, one G1 multiplication (eqs. 10–13)',
      (i) => at(rs, i),
      (r) => ownerParameter(r, owner.sk),
    ),
    op(
      're-encryption key',
      'RK = g2^{x_U/x_P}, one G2 multiplication (eq. 14)',
      (i) => at(users, i),
      (u) => reEncryptionKey(owner.sk, u.sk),
    ),
    op(
      're-encryption',
      'the SRS answering one request (rule 31): certificate and ACL checks, RK, R_U = e(R_P, RK)',
      (i) => at(labels, i),
      (partition) => expectOk(system.request({ user: doctor, file, partition }), 'request'),
    ),
    op(
      'decapsulate',
      'K = R_U^{1/x_U}, one GT exponentiation (eqs. 19–22)',
      (i) => i,
      (i) => decapsulate(at(rUs, i), at(users, i).sk),
    ),
    op(
      'decryption per partition',
      `a user decrypting one ${plan.partitionKiB} KB partition (rule 33): K = R_U^{1/x_U}, HKDF, AES-256-GCM open`,
      (i) => at(labels, i),
      (partition) => expectOk(system.decryptPartition({ user: doctor, file, partition }), 'decrypt'),
    ),
  ];
}
