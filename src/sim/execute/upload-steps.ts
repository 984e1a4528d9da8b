/**
 * The owner's writes: `upload`, `update`, `delete`. Uploads and updates run the paper's rules one
 * call each, in the order the system's composite uses: a fresh r per access level (25, Gen_ri),
 * each partition sealed (26, Encrypt_Pi), R_P per level (27, Compt_R), each ciphertext to the
 * cloud (28, Send_C), each R_P to the SRS (29, Send_Ri).
 *
 * The executor makes the synthetic PHR itself (seeded by the run's seed, owner, file and version)
 * and hands it to the protocol, because the generator throws on a size too small for the owner's
 * partitions: that input becomes a `denied` step with the generator's reason, never a crash.
 */
import {
  type DraftView,
  encodeG1,
  encodeScalar,
  type FileId,
  factKey,
  type Outcome,
  ok,
  type PartitionLabel,
  type Phr,
  type PrincipalId,
  type SeSphrSystem,
  type StoredView,
  syntheticPhr,
} from '../../protocol/index.ts';
import {
  DEFAULT_SIZE_BYTES,
  type DeleteStep,
  isoInstant,
  type UpdateStep,
  type UploadStep,
} from '../scenario/index.ts';
import { shortDigest } from './digest.ts';
import type { ExecContext } from './exec-context.ts';
import { type CallRecorder, callRecorder } from './protocol-call.ts';
import { asFile, asPartition, asPrincipal } from './protocol-ids.ts';
import { executed, refused, type StepExecution } from './step-execution.ts';

/** The synthetic record of one version, or why the generator cannot make one of that size. */
function makePhr(
  ctx: ExecContext,
  owner: PrincipalId,
  file: FileId,
  version: number,
  size: number,
): { readonly kind: 'ok'; readonly phr: Phr } | { readonly kind: 'unusable'; readonly detail: string } {
  try {
    const phr = syntheticPhr({
      owner,
      seed: `${ctx.seed}/${owner}/${file}/v${version}`,
      targetBytes: size,
      partitions: ctx.system.scheme(owner),
    });
    return { kind: 'ok', phr };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { kind: 'unusable', detail: `no ${size}-byte PHR for ${owner}'s partitions: ${error.message}` };
  }
}

const plaintextValues = (
  file: FileId,
  version: number,
  partitions: ReadonlyMap<PartitionLabel, Uint8Array>,
) =>
  Object.fromEntries(
    [...partitions].map(([partition, bytes]) => [
      factKey({ kind: 'plaintext', file, partition, version }),
      shortDigest(bytes),
    ]),
  );

/** Rules 25–29 for every level and partition of the draft, one recorded call each. */
function runDraft(
  system: SeSphrSystem,
  recorder: CallRecorder,
  owner: PrincipalId,
  draft: DraftView,
): Outcome<readonly StoredView[]> {
  const { file } = draft;
  const actor = owner;
  for (const level of draft.levels) {
    const drawn = recorder.run(
      'drawR',
      actor,
      () => system.drawR({ owner, file, level }),
      ({ r }) => ({ r: shortDigest(encodeScalar(r)) }),
    );
    if (drawn.kind === 'denied') return drawn;
  }
  const ciphertexts = new Map<PartitionLabel, string>();
  for (const { partition, version } of draft.partitions) {
    const key = factKey({ kind: 'ciphertext', file, partition, version });
    const sealed = recorder.run(
      'encryptPartition',
      actor,
      () => system.encryptPartition({ owner, file, partition }),
      (c) => ({ [key]: shortDigest(c.sealed) }),
    );
    if (sealed.kind === 'denied') return sealed;
    ciphertexts.set(partition, shortDigest(sealed.value.sealed));
  }
  const parameters = new Map<number, string>();
  for (const level of draft.levels) {
    const computed = recorder.run(
      'computeR',
      actor,
      () => system.computeR({ owner, file, level }),
      ({ rP }) => ({ R_P: shortDigest(encodeG1(rP)) }),
    );
    if (computed.kind === 'denied') return computed;
    parameters.set(level, shortDigest(encodeG1(computed.value.rP)));
  }
  const stored: StoredView[] = [];
  for (const { partition, version } of draft.partitions) {
    const key = factKey({ kind: 'ciphertext', file, partition, version });
    const sent = recorder.run(
      'sendCiphertext',
      actor,
      () => system.sendCiphertext({ owner, file, partition }),
      () => ({ [key]: ciphertexts.get(partition) ?? '' }),
    );
    if (sent.kind === 'denied') return sent;
    stored.push(sent.value);
  }
  for (const { partition, level, version } of draft.partitions) {
    const key = factKey({ kind: 'parameter', subject: owner, file, partition, version });
    const sent = recorder.run(
      'sendR',
      actor,
      () => system.sendR({ owner, file, partition }),
      () => ({ [key]: parameters.get(level) ?? '' }),
    );
    if (sent.kind === 'denied') return sent;
  }
  return ok(Object.freeze(stored));
}

function describeStored(stored: readonly StoredView[]): string {
  return stored
    .map(
      (s) =>
        `${s.partition} v${s.version} (${s.length} B in bucket${s.buckets.length > 1 ? 's' : ''} ${s.buckets.join(', ')})`,
    )
    .join(', ');
}

/** The owner encrypts and uploads a new file: version 1 of every partition. */
export function executeUpload(ctx: ExecContext, step: UploadStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const owner = asPrincipal(step.owner);
  const file = asFile(step.file);
  const made = makePhr(ctx, owner, file, 1, step.size);
  if (made.kind === 'unusable') return executed('denied', made.detail, recorder.calls);
  const { phr } = made;
  const draft = recorder.run(
    'prepareUpload',
    step.owner,
    () =>
      ctx.system.prepareUpload({
        owner,
        file,
        size: step.size,
        phr,
        consent: step.consent,
        ...(step.window === undefined ? {} : { window: step.window }),
      }),
    () => plaintextValues(file, 1, phr.partitions),
  );
  if (draft.kind === 'denied') return refused('denied', draft, recorder.calls);
  const stored = runDraft(ctx.system, recorder, owner, draft.value);
  if (stored.kind === 'denied') return refused('denied', stored, recorder.calls);
  ctx.sizes.set(step.file, step.size);
  const window =
    step.window === undefined
      ? ''
      : `; readable from ${isoInstant(step.window.start)} to ${isoInstant(step.window.end)}`;
  const consent = step.consent ? '; downloads need the owner’s one-time code' : '';
  return executed(
    'ok',
    `${step.owner} uploaded ${step.file}: ${describeStored(stored.value)}${window}${consent}`,
    recorder.calls,
  );
}

/** The owner rewrites one partition: its next version, under a fresh r. */
export function executeUpdate(ctx: ExecContext, step: UpdateStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const owner = asPrincipal(step.owner);
  const file = asFile(step.file);
  const partition = asPartition(step.partition);
  const current = ctx.system
    .ownerFiles(owner)
    .find((f) => f.file === file)
    ?.partitions.find((p) => p.partition === partition)?.current;
  const version = (current ?? 0) + 1;
  const made = makePhr(ctx, owner, file, version, ctx.sizes.get(step.file) ?? DEFAULT_SIZE_BYTES);
  if (made.kind === 'unusable') return executed('denied', made.detail, recorder.calls);
  // A partition outside the scheme gets no content: the owner refuses it before reading any.
  const content = made.phr.partitions.get(partition) ?? new Uint8Array(0);
  const draft = recorder.run(
    'prepareUpdate',
    step.owner,
    () => ctx.system.prepareUpdate({ owner, file, partition, content }),
    (d) => plaintextValues(file, d.partitions[0]?.version ?? version, new Map([[partition, content]])),
  );
  if (draft.kind === 'denied') return refused('denied', draft, recorder.calls);
  const stored = runDraft(ctx.system, recorder, owner, draft.value);
  if (stored.kind === 'denied') return refused('denied', stored, recorder.calls);
  return executed(
    'ok',
    `${step.owner} updated ${step.file}: ${describeStored(stored.value)}`,
    recorder.calls,
  );
}

/** The owner deletes a file everywhere: cloud, SRS, TPA. */
export function executeDelete(ctx: ExecContext, step: DeleteStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const outcome = recorder.run('delete', step.owner, () =>
    ctx.system.delete({ owner: asPrincipal(step.owner), file: asFile(step.file) }),
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  ctx.sizes.delete(step.file);
  return executed('ok', `${step.owner} deleted ${step.file}`, recorder.calls);
}
