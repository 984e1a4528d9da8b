/**
 * Reading records: `request` (rules 31/32), `download` (rule 30), `decrypt` (rule 30 when the
 * version is not held, then rule 33) and `forward`.
 *
 * A download of a consent-protected file by anyone but its owner first asks the cloud for consent
 * (`requestConsent`): the secure cloud only files the request, the `otp-leak` cloud answers with
 * the owner's current code, which the requester then presents; that is how the variant lets a
 * download through without the owner. A `decrypt` that has to fetch its version downloads just
 * that version, as the system's composite `decrypt` does, without a consent request of its own.
 */
import {
  encodeGt,
  type FileId,
  factKey,
  type HeldCiphertext,
  type IssuedParameter,
  knows,
  type PartitionLabel,
  type PrincipalId,
  type SeSphrSystem,
} from '../../protocol/index.ts';
import type { DecryptStep, DownloadStep, ForwardStep, RequestStep } from '../scenario/index.ts';
import { shortDigest, textDigest } from './digest.ts';
import type { ExecContext } from './exec-context.ts';
import { callRecorder } from './protocol-call.ts';
import { asFile, asPartition, asPrincipal } from './protocol-ids.ts';
import { executed, refused, type StepExecution } from './step-execution.ts';

const parameterValues = (p: IssuedParameter) => ({
  [factKey({
    kind: 'parameter',
    subject: p.subject,
    file: p.file,
    partition: p.partition,
    version: p.version,
  })]: shortDigest(encodeGt(p.rU)),
});

const ciphertextValues = (held: readonly HeldCiphertext[]) =>
  Object.fromEntries(
    held.map((c) => [
      factKey({ kind: 'ciphertext', file: c.file, partition: c.partition, version: c.version }),
      shortDigest(c.sealed),
    ]),
  );

/** Whether `actor` registered; only registered principals have knowledge to ask about. */
const registered = (system: SeSphrSystem, actor: PrincipalId): boolean =>
  system.principals().some((p) => p.principal === actor);

/** The owner of a stored file, as the cloud lists it. */
const ownerOf = (system: SeSphrSystem, file: FileId): PrincipalId | undefined =>
  system.storedReports().find((r) => r.file === file)?.owner;

/** A user asks the SRS for R_U of a partition version: granted, or denied with the SRS's reason. */
export function executeRequest(ctx: ExecContext, step: RequestStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const outcome = recorder.run(
    'request',
    step.user,
    () =>
      ctx.system.request({
        user: asPrincipal(step.user),
        file: asFile(step.file),
        partition: asPartition(step.partition),
        ...(step.version === undefined ? {} : { version: step.version }),
      }),
    parameterValues,
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  const p = outcome.value;
  return executed(
    'granted',
    `the SRS re-encrypted R of ${p.file}/${p.partition} v${p.version} for ${step.user}`,
    recorder.calls,
  );
}

/** A user downloads every current partition of a file (asking for consent first where needed). */
export function executeDownload(ctx: ExecContext, step: DownloadStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const user = asPrincipal(step.user);
  const file = asFile(step.file);
  const listing = ctx.system.storedReports().find((r) => r.file === file);
  let leaked = false;
  if (listing?.consent === true && listing.owner !== user) {
    const asked = recorder.run(
      'requestConsent',
      step.user,
      () => ctx.system.requestConsent({ user, file }),
      (answer) =>
        answer.code === undefined
          ? {}
          : { [factKey({ kind: 'otp', file, subject: user })]: textDigest(answer.code) },
    );
    if (asked.kind === 'denied') return refused('denied', asked, recorder.calls);
    leaked = asked.value.code !== undefined;
  }
  const outcome = recorder.run(
    'download',
    step.user,
    () => ctx.system.download({ user, file }),
    ciphertextValues,
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  const what = outcome.value.map((c) => `${c.partition} v${c.version}`).join(', ');
  const how = leaked ? ` (the cloud had handed ${step.user} the owner's one-time code)` : '';
  return executed('ok', `${step.user} downloaded ${step.file}: ${what}${how}`, recorder.calls);
}

/**
 * A user decrypts a partition version (default the cloud's current one) with what it holds,
 * downloading that version first if it does not hold it. `ok` only when a plaintext comes out and
 * it is what the owner wrote (SPEC P2); every refusal on the way is `fails`.
 */
export function executeDecrypt(ctx: ExecContext, step: DecryptStep): StepExecution {
  const { system } = ctx;
  const recorder = callRecorder(system);
  const user = asPrincipal(step.user);
  const file = asFile(step.file);
  const partition: PartitionLabel = asPartition(step.partition);
  const version = step.version ?? system.currentVersion(file, partition);
  if (version !== undefined) {
    const ref = { file, partition, version };
    const held = registered(system, user) && knows(system.knowledge(user), { kind: 'ciphertext', ...ref });
    if (!held) {
      const fetched = recorder.run(
        'download',
        step.user,
        () => system.download({ user, file, partition, version }),
        ciphertextValues,
      );
      if (fetched.kind === 'denied') return refused('fails', fetched, recorder.calls);
    }
  }
  const opened = recorder.run(
    'decryptPartition',
    step.user,
    () => system.decryptPartition({ user, file, partition, ...(version === undefined ? {} : { version }) }),
    (plaintext) =>
      version === undefined
        ? {}
        : { [factKey({ kind: 'plaintext', file, partition, version })]: shortDigest(plaintext) },
  );
  if (opened.kind === 'denied') return refused('fails', opened, recorder.calls);
  const where = `${step.file}/${step.partition} v${version ?? '?'}`;
  const owner = ownerOf(system, file);
  const written =
    owner === undefined || version === undefined
      ? undefined
      : system.ownerPlaintext(owner, { file, partition, version });
  if (written !== undefined && shortDigest(written) !== shortDigest(opened.value)) {
    return executed('fails', `${step.user} opened ${where}, but not to what ${owner} wrote`, recorder.calls);
  }
  return executed(
    'ok',
    `${step.user} decrypted ${where}: ${opened.value.length} bytes, as written`,
    recorder.calls,
  );
}

/** A doctor passes a partition's current version on; the SRS checks both ends against the ACL. */
export function executeForward(ctx: ExecContext, step: ForwardStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const outcome = recorder.run(
    'forward',
    step.from,
    () =>
      ctx.system.forward({
        from: asPrincipal(step.from),
        to: asPrincipal(step.to),
        file: asFile(step.file),
        partition: asPartition(step.partition),
      }),
    parameterValues,
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  const p = outcome.value;
  return executed(
    'granted',
    `${step.from} forwarded ${p.file}/${p.partition} v${p.version}: the SRS re-encrypted R for ${step.to}`,
    recorder.calls,
  );
}
