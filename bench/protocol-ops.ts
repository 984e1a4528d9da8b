/**
 * Per-operation costs of the SeSPHR scheme as implemented (SPEC 7, "beyond the paper"): key
 * generation, K = Z^r (with the one-off build of Z's table, and noble's generic `Fp12.pow` beside
 * it for reference), R_P, RK, re-encryption, both decapsulations, sealing and opening a 64 KiB
 * partition, and bulk AES-256-GCM throughput on 16 MiB with node:crypto and the pure-JS
 * @noble/ciphers, beside `openssl speed -evp aes-256-gcm` on the same machine.
 *
 * `run()`, `toMarkdown()` and `summary()` serve the benchmark driver (bench/main.ts); run standalone with
 * `npx tsx bench/protocol-ops.ts` it also writes reports/bench/protocol-ops.{json,md}.
 * Every input is drawn from a fixed seed; times are medians after warm-up.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gcm } from '@noble/ciphers/aes.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import {
  aesGcmEncrypt,
  openPartition,
  type PartitionAad,
  sealPartition,
} from '../src/protocol/crypto/dem.ts';
import { decodeG2, decodeGt, encodeG2, encodeGt } from '../src/protocol/crypto/encoding.ts';
import { fixedBaseTable } from '../src/protocol/crypto/gt-exp.ts';
import { forkRng, seededRng } from '../src/protocol/crypto/rng.ts';
import {
  decapsulate,
  generateKeyPair,
  ownerDecapsulate,
  ownerParameter,
  pairingGenerator,
  randomScalar,
  reEncrypt,
  reEncryptionKey,
  sessionKey,
} from '../src/protocol/crypto/sesphr-kem.ts';
import { measureOpensslSpeed, type OpensslSpeed } from '../src/sim/bench/openssl-speed.ts';

/**
 * One measured operation: `runs` timed calls after `warmup` untimed ones. Wall-clock figures, plus
 * the median CPU time of the process, which stays meaningful when the machine is shared.
 */
export interface OpTiming {
  readonly op: string;
  readonly what: string;
  readonly warmup: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly cpuMedianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/**
 * One implementation's throughput (MB = 10^6 bytes, as OpenSSL counts), by wall clock and by the
 * process's CPU time. `openssl speed` divides by CPU time unless given `-elapsed`, so the CPU
 * figure is the one to set beside it; the wall-clock figure drops when the machine is shared.
 */
export interface Throughput {
  readonly wallMBps: number;
  readonly cpuMBps: number;
}

/** Bulk AES-256-GCM encryption of one buffer, as the DEM seals one partition. */
export interface BulkThroughput {
  readonly bytes: number;
  readonly runs: number;
  readonly nodeCrypto: Throughput;
  readonly nobleCiphers: Throughput;
  readonly openssl: OpensslSpeed;
  /** node:crypto's CPU-time MB/s over OpenSSL's 16384-byte figure; absent when OpenSSL was not measured. */
  readonly nodeToOpensslRatio?: number;
}

/** What `run()` returns and the standalone run writes as JSON. */
export interface ProtocolOpsResult {
  readonly benchmark: 'protocol-ops';
  readonly date: string;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly node: string;
    readonly platform: string;
    /** 1-minute load average at the start: other work on a shared machine skews every figure. */
    readonly loadAverage1m: number;
  };
  readonly seed: string;
  readonly ops: readonly OpTiming[];
  readonly bulk: BulkThroughput;
}

const SEED = 'bench/protocol-ops';
const PARTITION_BYTES = 64 * 1024;
const BULK_BYTES = 16 * 1024 * 1024;

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Times `body(i)` for `runs` calls after `warmup` calls. `prepare(i)` builds each call's inputs
 * outside the timed region so only the operation itself is measured.
 */
function timeOp<T>(
  op: string,
  what: string,
  warmup: number,
  runs: number,
  prepare: (i: number) => T,
  body: (input: T) => unknown,
): OpTiming {
  for (let i = 0; i < warmup; i++) body(prepare(i));
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare(warmup + i);
    const startCpu = process.cpuUsage();
    const start = performance.now();
    body(input);
    samples.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    op,
    what,
    warmup,
    runs,
    medianMs: round(median(samples), 4),
    cpuMedianMs: round(median(cpu), 4),
    minMs: round(samples[0]!, 4),
    maxMs: round(samples[samples.length - 1]!, 4),
  };
}

function throughput(bytes: number, runs: number, body: () => unknown): Throughput {
  body();
  body();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    body();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const mbps = (samples: number[]) => round(bytes / 1e6 / (median(samples.sort((a, b) => a - b)) / 1000), 1);
  return { wallMBps: mbps(wall), cpuMBps: mbps(cpu) };
}

function measureOps(): OpTiming[] {
  const rng = seededRng(SEED);
  pairingGenerator();
  const owner = generateKeyPair(forkRng(rng, 'owner'));
  const users = Array.from({ length: 64 }, (_, i) => generateKeyPair(forkRng(rng, `user-${i}`)));
  const rs = Array.from({ length: 64 }, () => randomScalar(rng));
  const userOf = (i: number) => users[i % users.length]!;
  const rOf = (i: number) => rs[i % rs.length]!;
  const aad: PartitionAad = { fileId: 'bench-file', label: 'medical', version: 1 };
  const partition = rng.bytes(PARTITION_BYTES);
  const k = sessionKey(rOf(0));
  const sealed = sealPartition(k, aad, partition, rng);
  const keyRng = forkRng(rng, 'keygen');
  const nonceRng = forkRng(rng, 'nonces');

  return [
    timeOp('key generation', 'x ← Z_q*, PK = g2^x (SRS, eq. 5)', 5, 30, () => keyRng, generateKeyPair),
    timeOp('sessionKey', 'K = Z^r from Z’s fixed-base table (owner, eqs. 6–9)', 5, 30, rOf, sessionKey),
    timeOp(
      'fixedBaseTable(Z)',
      'one-off: the 1024-element (≈1.2 MB of heap) table sessionKey builds on first use',
      1,
      5,
      () => pairingGenerator(),
      fixedBaseTable,
    ),
    timeOp(
      'Fp12.pow (reference)',
      'K = Z^r by noble’s generic Fp12.pow, what sessionKey and decapsulate each cost without gt-exp.ts',
      2,
      10,
      rOf,
      (r) => bls12_381.fields.Fp12.pow(pairingGenerator(), r),
    ),
    timeOp('ownerParameter', 'R_P = g1^{r·x_P}, one G1 multiplication (owner, eqs. 10–13)', 5, 30, rOf, (r) =>
      ownerParameter(r, owner.sk),
    ),
    timeOp('reEncryptionKey', 'RK = g2^{x_U/x_P}, one G2 multiplication (SRS, eq. 14)', 5, 30, userOf, (u) =>
      reEncryptionKey(owner.sk, u.sk),
    ),
    timeOp(
      'reEncrypt',
      'R_U = e(R_P, RK), one pairing (SRS, eqs. 15–18)',
      3,
      20,
      (i) => ({ rP: ownerParameter(rOf(i), owner.sk), rk: reEncryptionKey(owner.sk, userOf(i).sk) }),
      ({ rP, rk }) => reEncrypt(rP, rk),
    ),
    timeOp(
      'decapsulate',
      'K = R_U^{1/x_U}, one GT exponentiation split four ways by the Frobenius (user, eqs. 19–22)',
      3,
      20,
      (i) => ({
        rU: reEncrypt(ownerParameter(rOf(i), owner.sk), reEncryptionKey(owner.sk, userOf(i).sk)),
        u: userOf(i),
      }),
      ({ rU, u }) => decapsulate(rU, u.sk),
    ),
    timeOp(
      'ownerDecapsulate',
      'K = e(R_P, g2)^{1/x_P}: one pairing on g2’s prepared lines and one GT exponentiation (owner)',
      3,
      20,
      (i) => ownerParameter(rOf(i), owner.sk),
      (rP) => ownerDecapsulate(rP, owner.sk),
    ),
    timeOp(
      'encodeGt + decodeGt',
      '576-byte R_U with GT membership check',
      5,
      30,
      () => k,
      (g) => decodeGt(encodeGt(g)),
    ),
    timeOp('encodeG2 + decodeG2', '96-byte public key with subgroup check', 5, 30, userOf, (u) =>
      decodeG2(encodeG2(u.pk)),
    ),
    timeOp(
      'sealPartition',
      '64 KiB: HKDF-SHA-256 + AES-256-GCM (node:crypto)',
      20,
      200,
      () => nonceRng,
      (r) => sealPartition(k, aad, partition, r),
    ),
    timeOp(
      'openPartition',
      '64 KiB: HKDF-SHA-256 + AES-256-GCM (node:crypto)',
      20,
      200,
      () => sealed,
      (s) => openPartition(k, aad, s),
    ),
  ];
}

function measureBulk(): BulkThroughput {
  const rng = seededRng(`${SEED}/bulk`);
  const data = rng.bytes(BULK_BYTES);
  const key = rng.bytes(32);
  const nonce = rng.bytes(12);
  const aad = new Uint8Array(0);
  const runs = 11;
  const nodeCrypto = throughput(BULK_BYTES, runs, () => aesGcmEncrypt(key, nonce, data, aad));
  const nobleCiphers = throughput(BULK_BYTES, 3, () => gcm(key, nonce, aad).encrypt(data));
  const openssl = measureOpensslSpeed('openssl', 1);
  const base = { bytes: BULK_BYTES, runs, nodeCrypto, nobleCiphers, openssl };
  return openssl.kind === 'measured'
    ? { ...base, nodeToOpensslRatio: round(nodeCrypto.cpuMBps / openssl.mbPerSecond16k, 3) }
    : base;
}

/** Runs the benchmark (about 10 s, 6 of them `openssl speed`) and returns its result. */
export function run(): ProtocolOpsResult {
  return {
    benchmark: 'protocol-ops',
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      platform: process.platform,
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
    },
    seed: SEED,
    ops: measureOps(),
    bulk: measureBulk(),
  };
}

/** The result as a Markdown report. */
export function toMarkdown(result: ProtocolOpsResult): string {
  const { bulk } = result;
  const opensslLine =
    bulk.openssl.kind === 'measured'
      ? `| OpenSSL ${bulk.openssl.version} (\`${bulk.openssl.command}\`, 16384-byte blocks) | ${bulk.openssl.mbPerSecond16k} | |`
      : `| OpenSSL (\`${bulk.openssl.command}\`) | not measured: ${bulk.openssl.reason} | |`;
  return [
    '# SeSPHR per-operation costs',
    '',
    `${result.date} · ${result.machine.cpu} (${result.machine.cores} cores, load ${result.machine.loadAverage1m}) · Node ${result.machine.node} · seed \`${result.seed}\``,
    '',
    "BLS12-381 via @noble/curves (pure JS); medians after warm-up. CPU time is the whole process's (user + system), so it stays comparable on a shared machine.",
    '',
    '| operation | what | runs | median ms | CPU median ms | min ms | max ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.ops.map(
      (o) =>
        `| ${o.op} | ${o.what} | ${o.runs} | ${o.medianMs} | ${o.cpuMedianMs} | ${o.minMs} | ${o.maxMs} |`,
    ),
    '',
    `## Bulk AES-256-GCM encryption, ${bulk.bytes / (1024 * 1024)} MiB (MB = 10^6 bytes)`,
    '',
    '| implementation | MB/s per CPU second | MB/s wall clock |',
    '| --- | ---: | ---: |',
    `| node:crypto (what the DEM uses) | ${bulk.nodeCrypto.cpuMBps} | ${bulk.nodeCrypto.wallMBps} |`,
    `| @noble/ciphers (pure JS) | ${bulk.nobleCiphers.cpuMBps} | ${bulk.nobleCiphers.wallMBps} |`,
    opensslLine,
    '',
    bulk.nodeToOpensslRatio === undefined
      ? 'node:crypto / OpenSSL: not available.'
      : `node:crypto / OpenSSL (per CPU second, as \`openssl speed\` counts): ${bulk.nodeToOpensslRatio}`,
    '',
  ].join('\n');
}

/** One line for reports/bench/summary.md: the costs that dominate a share and a download. */
export function summary(result: ProtocolOpsResult): string {
  const cpu = (op: string) => result.ops.find((o) => o.op === op)?.cpuMedianMs ?? Number.NaN;
  const { bulk } = result;
  const openssl =
    bulk.openssl.kind === 'measured'
      ? `OpenSSL ${bulk.openssl.mbPerSecond16k} MB/s (ratio ${bulk.nodeToOpensslRatio})`
      : 'OpenSSL not measured';
  return (
    `CPU medians: re-encryption (pairing) ${cpu('reEncrypt')} ms, K = Z^r ${cpu('sessionKey')} ms, ` +
    `decapsulate ${cpu('decapsulate')} ms, seal 64 KiB ${cpu('sealPartition')} ms; ` +
    `AES-256-GCM node:crypto ${bulk.nodeCrypto.cpuMBps} MB/s per CPU second vs ${openssl}`
  );
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const result = run();
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'reports', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'protocol-ops.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(dir, 'protocol-ops.md'), toMarkdown(result));
  process.stdout.write(toMarkdown(result));
}
