/**
 * Figs. 4–6 reproduced: one PHR shared end to end through the real system, each phase timed on
 * its own, per size. A run is one round trip on a fresh fixture (owner and doctor approved, the
 * doctor granted every partition):
 *
 * - encrypt (Fig. 4): the owner's whole upload crypto, rules 25–27: a fresh r per access level,
 *   K = Z^r, every partition sealed (HKDF-SHA-256 + AES-256-GCM, with its keyword index and its
 *   signed Merkle commitment), R_P = g1^{r·x_P} per level;
 * - upload: rules 28–29: each ciphertext stored by the in-process cloud (chunked over the buckets,
 *   the TPA checking the commitment) and each R_P received by the SRS;
 * - re-encryption: rule 31 for each partition, the SRS's ACL check and R_U = e(R_P, RK) (timed
 *   but in neither T_up nor T_down, as in the paper);
 * - download: rule 30, the doctor fetches every partition, reassembled from its buckets;
 * - decrypt (Fig. 5): rule 33 for each partition: K = R_U^{1/x_U}, then the AES-GCM open.
 *
 * T_up = encrypt + upload and T_down = decrypt + download (Fig. 6) are summed per run. Every run
 * checks that the doctor got the owner's bytes back, so a broken share cannot pass as a fast one.
 */
import { fileId, type Phr, syntheticPhr } from '../../protocol/index.ts';
import type { BenchConfig, SharePoint } from './bench-config.ts';
import type { Progress } from './progress.ts';
import { timeOnce } from './sampler.ts';
import { expectOk, FIXTURE_OWNER, shareFixture } from './share-fixture.ts';
import { addSamples, type Sample, type TimingStat, timingStat } from './timing-stat.ts';

/** One size of Figs. 4–6: every phase over the runs. */
export interface ShareMeasurement {
  /** The PHR size in KB of 1024 bytes. */
  readonly kib: number;
  readonly bytes: number;
  readonly partitions: number;
  readonly encrypt: TimingStat;
  readonly upload: TimingStat;
  readonly reEncrypt: TimingStat;
  readonly download: TimingStat;
  readonly decrypt: TimingStat;
  /** T_up = T_enc + T_upload, per run. */
  readonly up: TimingStat;
  /** T_down = T_dec + T_download, per run. */
  readonly down: TimingStat;
}

interface RoundTrip {
  readonly encrypt: Sample;
  readonly upload: Sample;
  readonly reEncrypt: Sample;
  readonly download: Sample;
  readonly decrypt: Sample;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** One share of `phr` on a fresh fixture, each phase timed. */
function roundTrip(phr: Phr, seed: string, buckets: number): RoundTrip {
  const { system, owner, doctor } = shareFixture(seed, buckets);
  const file = fileId('phr');
  const draft = expectOk(system.prepareUpload({ owner, file, phr }), 'prepare-upload');
  const labels = draft.partitions.map((p) => p.partition);
  const encrypt = timeOnce(() => {
    for (const level of draft.levels) expectOk(system.drawR({ owner, file, level }), 'draw-r');
    for (const partition of labels) {
      expectOk(system.encryptPartition({ owner, file, partition }), 'encrypt-partition');
    }
    for (const level of draft.levels) expectOk(system.computeR({ owner, file, level }), 'compute-r');
  });
  const upload = timeOnce(() => {
    for (const partition of labels) {
      expectOk(system.sendCiphertext({ owner, file, partition }), 'send-ciphertext');
    }
    for (const partition of labels) expectOk(system.sendR({ owner, file, partition }), 'send-r');
  });
  const reEncrypt = timeOnce(() => {
    for (const partition of labels) expectOk(system.request({ user: doctor, file, partition }), 'request');
  });
  const download = timeOnce(() => expectOk(system.download({ user: doctor, file }), 'download'));
  const plaintexts: Uint8Array[] = [];
  const decrypt = timeOnce(() => {
    for (const partition of labels) {
      plaintexts.push(expectOk(system.decryptPartition({ user: doctor, file, partition }), 'decrypt'));
    }
  });
  labels.forEach((label, i) => {
    const expected = phr.partitions.get(label);
    if (expected === undefined || !sameBytes(plaintexts[i]!, expected)) {
      throw new Error(`bench: the doctor's ${label} does not match the owner's`);
    }
  });
  return { encrypt, upload, reEncrypt, download, decrypt };
}

function summarise(point: SharePoint, phr: Phr, trips: readonly RoundTrip[]): ShareMeasurement {
  const stat = (pick: (t: RoundTrip) => Sample) => timingStat(trips.map(pick));
  return Object.freeze({
    kib: point.kib,
    bytes: [...phr.partitions.values()].reduce((n, p) => n + p.length, 0),
    partitions: phr.partitions.size,
    encrypt: stat((t) => t.encrypt),
    upload: stat((t) => t.upload),
    reEncrypt: stat((t) => t.reEncrypt),
    download: stat((t) => t.download),
    decrypt: stat((t) => t.decrypt),
    up: stat((t) => addSamples(t.encrypt, t.upload)),
    down: stat((t) => addSamples(t.decrypt, t.download)),
  });
}

/**
 * Measures every size of `plan` (a synthetic FHIR PHR per size, made once from the seed), after
 * `plan.warmup` untimed round trips at the first size.
 */
export function measureShares(
  plan: BenchConfig['share'],
  seed: string,
  buckets: number,
  progress: Progress,
): ShareMeasurement[] {
  const phrOf = (kib: number): Phr => {
    progress(`figs. 4–6: making a ${kib} KB synthetic PHR`);
    return syntheticPhr({ owner: FIXTURE_OWNER, seed: `${seed}/phr/${kib}`, targetBytes: kib * 1024 });
  };
  const first = plan.points[0];
  if (first !== undefined && plan.warmup > 0) {
    const phr = phrOf(first.kib);
    for (let i = 0; i < plan.warmup; i++) {
      progress(`figs. 4–6: warm-up ${i + 1}/${plan.warmup} at ${first.kib} KB`);
      roundTrip(phr, `${seed}/share/warmup/${i}`, buckets);
    }
  }
  return plan.points.map((point) => {
    const phr = phrOf(point.kib);
    const trips = Array.from({ length: point.runs }, (_, i) => {
      progress(`figs. 4–6: ${point.kib} KB, run ${i + 1}/${point.runs}`);
      return roundTrip(phr, `${seed}/share/${point.kib}/${i}`, buckets);
    });
    return summarise(point, phr, trips);
  });
}
