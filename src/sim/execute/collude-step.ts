/**
 * `collude`: a coalition pools what its members hold (keys, parameters, ciphertexts, plaintexts)
 * and tries every key it can compute on the partition version; `decrypts` iff a plaintext comes
 * out (SPEC P4–P6: the cloud alone and the SRS alone fail, the two together read everything).
 * A declared principal that never registered holds nothing; it stays out of the pool (the
 * protocol has no holdings to ask it for).
 */
import { type ActorId, factKey, type SeSphrSystem } from '../../protocol/index.ts';
import type { CoalitionMember, ColludeStep } from '../scenario/index.ts';
import { shortDigest } from './digest.ts';
import type { ExecContext } from './exec-context.ts';
import { callRecorder } from './protocol-call.ts';
import { asFile, asPartition, asPrincipal } from './protocol-ids.ts';
import { executed, type StepExecution } from './step-execution.ts';

function holderOf(system: SeSphrSystem, member: CoalitionMember): ActorId | undefined {
  if (member.kind === 'infrastructure') return member.name;
  const id = asPrincipal(member.name);
  return system.principals().some((p) => p.principal === id) ? id : undefined;
}

/** The coalition tries the partition version (default the cloud's current one). */
export function executeCollude(ctx: ExecContext, step: ColludeStep): StepExecution {
  const { system } = ctx;
  const recorder = callRecorder(system);
  const names = step.members.map((m) => m.name);
  const actors = step.members.flatMap((m) => {
    const actor = holderOf(system, m);
    return actor === undefined ? [] : [actor];
  });
  const left = names.filter((_, i) => holderOf(system, step.members[i]!) === undefined);
  const outside = left.length === 0 ? '' : ` (${left.join(', ')} never registered and hold nothing)`;
  const file = asFile(step.file);
  const partition = asPartition(step.partition);
  const version = step.version ?? system.currentVersion(file, partition);
  if (version === undefined) {
    return executed('fails', `the cloud stores no version of ${step.file}/${step.partition}`, recorder.calls);
  }
  const ref = { file, partition, version };
  const where = `${step.file}/${step.partition} v${version}`;
  const result = recorder.runPlain(
    'coalitionDecrypt',
    names.join('+'),
    () => system.coalitionDecrypt(actors, ref),
    (r) =>
      r.kind === 'decrypted'
        ? { outcome: 'ok', values: { [factKey({ kind: 'plaintext', ...ref })]: shortDigest(r.plaintext) } }
        : { outcome: 'denied', values: {} },
  );
  if (result.kind === 'decrypted') {
    return executed(
      'decrypts',
      `${names.join(' + ')} read ${where} (via ${result.via})${outside}`,
      recorder.calls,
    );
  }
  const why =
    result.reason === 'no-ciphertext'
      ? 'none of them holds its ciphertext'
      : 'no key they can compute opens its ciphertext';
  return executed('fails', `${names.join(' + ')} cannot read ${where}: ${why}${outside}`, recorder.calls);
}
