/**
 * Registration and certificates: `register`, `approve`, `reject`, `revoke-certificate`. Approving
 * an owner during the run also puts its policy from the scenario header in force, exactly as the
 * setup does for owners approved at the start; a user approved during the run belongs to no group
 * until a `join` step.
 */
import type { ApproveStep, RegisterStep, RejectStep, RevokeCertificateStep } from '../scenario/index.ts';
import type { ExecContext } from './exec-context.ts';
import { applyOwnerPolicy, approvePrincipal } from './principal-setup.ts';
import { callRecorder } from './protocol-call.ts';
import { asPrincipal } from './protocol-ids.ts';
import { executed, refused, type StepExecution } from './step-execution.ts';

/** A principal files its registration; it waits for the admin. ok, or denied (already registered). */
export function executeRegister(ctx: ExecContext, step: RegisterStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const principal = asPrincipal(step.principal);
  const outcome = recorder.run('register', step.principal, () =>
    ctx.system.register({ principal, role: step.role }),
  );
  return outcome.kind === 'ok'
    ? executed('ok', `${step.principal} registered as ${step.role}; pending the admin`, recorder.calls)
    : refused('denied', outcome, recorder.calls);
}

/** The admin approves; keys (rules 23, 24) and certificate follow; an owner's policy comes into force. */
export function executeApprove(ctx: ExecContext, step: ApproveStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const approved = approvePrincipal(ctx.system, recorder, step.principal);
  if (approved.kind === 'denied') return refused('denied', approved, recorder.calls);
  const certificate = approved.value;
  if (certificate.role === 'owner') {
    const policy = applyOwnerPolicy(ctx.system, recorder, ctx.scenario, step.principal);
    if (policy.kind === 'denied') return refused('denied', policy, recorder.calls);
  }
  return executed(
    'ok',
    `the admin approved ${step.principal}; the SRS made and sent its keys; the CA issued certificate ${certificate.serial} (${certificate.role})` +
      (certificate.role === 'owner' ? `; ${step.principal}'s policy is in force` : ''),
    recorder.calls,
  );
}

/** The admin rejects a pending registration. */
export function executeReject(ctx: ExecContext, step: RejectStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const outcome = recorder.run('reject', 'admin', () =>
    ctx.system.reject({ principal: asPrincipal(step.principal) }),
  );
  return outcome.kind === 'ok'
    ? executed('ok', `the admin rejected ${step.principal}`, recorder.calls)
    : refused('denied', outcome, recorder.calls);
}

/** The CA puts the principal's certificate on its revocation list. */
export function executeRevokeCertificate(ctx: ExecContext, step: RevokeCertificateStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const outcome = recorder.run('revokeCertificate', 'ca', () =>
    ctx.system.revokeCertificate({ principal: asPrincipal(step.principal) }),
  );
  return outcome.kind === 'ok'
    ? executed('ok', `the CA revoked ${step.principal}'s certificate ${outcome.value.serial}`, recorder.calls)
    : refused('denied', outcome, recorder.calls);
}
