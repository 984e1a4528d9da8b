/**
 * Storage integrity: `tamper` (whoever holds the store flips one bit of a stored ciphertext) and
 * `audit` (the TPA challenges the cloud against the owner's signed Merkle roots). A tampered
 * version is found by the audit and by any reader's AES-GCM tag check (SPEC P11).
 */
import { factKey } from '../../protocol/index.ts';
import type { AuditStep, TamperStep } from '../scenario/index.ts';
import { shortDigest } from './digest.ts';
import type { ExecContext } from './exec-context.ts';
import { callRecorder } from './protocol-call.ts';
import { asFile, asPartition } from './protocol-ids.ts';
import { executed, refused, type StepExecution } from './step-execution.ts';

/** The TPA audits every stored version of a file: `clean` or `detected`. */
export function executeAudit(ctx: ExecContext, step: AuditStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const outcome = recorder.run('audit', 'tpa', () => ctx.system.audit({ file: asFile(step.file) }));
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  const { findings, verdict } = outcome.value;
  const bad = findings.filter((f) => f.state !== 'intact');
  return verdict === 'clean'
    ? executed(
        'clean',
        `${findings.length} version(s) of ${step.file} answered every challenge`,
        recorder.calls,
      )
    : executed(
        'detected',
        `corruption alert: ${bad.map((f) => `${f.partition} v${f.version} ${f.state} (blocks ${f.failed.join(', ')})`).join('; ')}`,
        recorder.calls,
      );
}

/**
 * The insider flips one bit of the current version of the partition (drawn from the seed when the
 * step names none). The call records the digest of the stored ciphertext as it now is.
 */
export function executeTamper(ctx: ExecContext, step: TamperStep): StepExecution {
  const { system } = ctx;
  const recorder = callRecorder(system);
  const file = asFile(step.file);
  const outcome = recorder.run(
    'tamper',
    'cloud',
    () =>
      system.tamper({
        file,
        ...(step.partition === undefined ? {} : { partition: asPartition(step.partition) }),
      }),
    (report) => {
      const stored = system
        .readStore()
        .find(
          (o) => o.file === report.file && o.partition === report.partition && o.version === report.version,
        );
      return stored === undefined
        ? {}
        : { [factKey({ kind: 'ciphertext', ...report })]: shortDigest(stored.sealed) };
    },
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  const r = outcome.value;
  return executed(
    'ok',
    `the cloud flipped bit ${r.bit} of byte ${r.offset} of ${r.file}/${r.partition} v${r.version} (chunk ${r.chunk}, bucket ${r.bucket})`,
    recorder.calls,
  );
}
