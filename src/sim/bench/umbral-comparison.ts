/**
 * Our proxy re-encryption beside a peer library's in the same process: NuCypher's umbral-pre
 * (Umbral threshold PRE on secp256k1, Rust compiled to WebAssembly), threshold 1 of 1.
 *
 * - re-encryption: their `reencrypt(capsule, kfrag)` against our `reEncrypt(R_P, RK)`, each given
 *   its precomputed re-encryption key (kfrag, RK);
 * - decryption by the delegatee: their `decryptReencrypted` (capsule opening plus their DEM,
 *   ChaCha20-Poly1305) against our `decapsulate` plus `openPartition` (K = R_U^{1/x_U}, HKDF,
 *   AES-256-GCM), both on a payload of the same size.
 *
 * Ratios use the CPU-time medians, which a busy machine skews least. The library is loaded when
 * the comparison runs (its WebAssembly compiles at import), and a failure to load is recorded as
 * `unavailable`. Their keys come from the seed (`SecretKeyFactory`); their capsule randomness is
 * drawn inside the WebAssembly from the operating system and cannot be seeded.
 */
import { createRequire } from 'node:module';
import {
  decapsulate,
  forkRng,
  generateKeyPair,
  openPartition,
  ownerParameter,
  randomScalar,
  reEncrypt,
  reEncryptionKey,
  sealPartition,
  seededRng,
  sessionKey,
} from '../../protocol/index.ts';
import type { BenchConfig } from './bench-config.ts';
import type { Progress } from './progress.ts';
import { sampleRuns } from './sampler.ts';
import { type TimeRatio, timeRatio } from './time-ratio.ts';
import { type TimingStat, timingStat } from './timing-stat.ts';

/** The peer library, as npm names it. */
export const UMBRAL_PACKAGE = '@nucypher/umbral-pre';

/** One operation, ours and theirs. */
export interface PairedTiming {
  readonly ours: TimingStat;
  readonly theirs: TimingStat;
  /** By CPU-time medians. */
  readonly ratio: TimeRatio;
}

/** The comparison, or why it could not run. */
export type UmbralComparison =
  | {
      readonly kind: 'measured';
      readonly library: string;
      readonly version: string;
      readonly payloadBytes: number;
      readonly reEncryption: PairedTiming;
      readonly decryption: PairedTiming;
    }
  | { readonly kind: 'unavailable'; readonly library: string; readonly reason: string };

type Umbral = typeof import('@nucypher/umbral-pre');

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

const paired = (ours: TimingStat, theirs: TimingStat): PairedTiming =>
  Object.freeze({ ours, theirs, ratio: timeRatio(ours.cpuMs.median, theirs.cpuMs.median) });

function compare(umbral: Umbral, plan: BenchConfig['umbral'], seed: string, progress: Progress) {
  const rng = seededRng(`${seed}/umbral`);
  const payload = rng.bytes(plan.payloadBytes);
  const text = (s: string) => new TextEncoder().encode(s);

  // Theirs: Alice delegates to Bob with one key fragment.
  const factory = umbral.SecretKeyFactory.fromSecureRandomness(
    forkRng(rng, 'umbral-keys').bytes(umbral.SecretKeyFactory.seedSize()),
  );
  const alice = factory.makeKey(text('alice'));
  const bob = factory.makeKey(text('bob'));
  const signer = new umbral.Signer(factory.makeKey(text('signer')));
  const alicePk = alice.publicKey();
  const bobPk = bob.publicKey();
  const [capsule, ciphertext] = umbral.encrypt(alicePk, payload);
  const kfrag = umbral.generateKFrags(alice, bobPk, signer, 1, 1, true, true)[0]!;
  const cfrag = umbral.reencrypt(capsule, kfrag);
  if (!sameBytes(umbral.decryptReencrypted(bob, alicePk, capsule, [cfrag], ciphertext), payload)) {
    throw new Error(`bench: ${UMBRAL_PACKAGE} did not decrypt its own ciphertext`);
  }

  // Ours: owner P shares one partition with user U.
  const owner = generateKeyPair(forkRng(rng, 'owner'));
  const user = generateKeyPair(forkRng(rng, 'user'));
  const r = randomScalar(rng);
  const rP = ownerParameter(r, owner.sk);
  const rk = reEncryptionKey(owner.sk, user.sk);
  const rU = reEncrypt(rP, rk);
  const aad = { fileId: 'bench', label: 'medical', version: 1 };
  const sealed = sealPartition(sessionKey(r), aad, payload, rng);
  const ourDecrypt = () => {
    const opened = openPartition(decapsulate(rU, user.sk), aad, sealed);
    if (opened.kind !== 'opened') throw new Error('bench: our decryption failed its tag check');
    return opened.plaintext;
  };
  if (!sameBytes(ourDecrypt(), payload)) throw new Error('bench: our decryption returned other bytes');

  const time = (body: () => unknown) => timingStat(sampleRuns(plan, () => undefined, body));
  const made: { free(): void }[] = [];
  progress(`umbral-pre: re-encryption, ${plan.runs} runs each`);
  const reEncryption = paired(
    time(() => reEncrypt(rP, rk)),
    time(() => made.push(umbral.reencrypt(capsule, kfrag))),
  );
  progress(`umbral-pre: decryption, ${plan.runs} runs each`);
  const decryption = paired(
    time(ourDecrypt),
    time(() => umbral.decryptReencrypted(bob, alicePk, capsule, [cfrag], ciphertext)),
  );
  // WebAssembly objects live outside the JS heap until freed.
  for (const object of [...made, cfrag, kfrag, capsule, signer, alicePk, bobPk, alice, bob, factory])
    object.free();
  return { reEncryption, decryption };
}

/** Runs the comparison with `plan`, loading the library first. */
export async function measureUmbral(
  plan: BenchConfig['umbral'],
  seed: string,
  progress: Progress,
): Promise<UmbralComparison> {
  let umbral: Umbral;
  let version: string;
  try {
    progress(`umbral-pre: loading ${UMBRAL_PACKAGE}`);
    umbral = await import('@nucypher/umbral-pre');
    version = (createRequire(import.meta.url)(`${UMBRAL_PACKAGE}/package.json`) as { version: string })
      .version;
  } catch (error) {
    return Object.freeze({ kind: 'unavailable', library: UMBRAL_PACKAGE, reason: String(error) });
  }
  const { reEncryption, decryption } = compare(umbral, plan, seed, progress);
  return Object.freeze({
    kind: 'measured',
    library: UMBRAL_PACKAGE,
    version,
    payloadBytes: plan.payloadBytes,
    reEncryption,
    decryption,
  });
}
