/**
 * The owner's policy at run time: `grant`, `revoke`, `join`, `window`. The SRS enforces each; a
 * window the protocol would throw on (not whole unix seconds, or ending before it starts) is
 * refused here with the reason, before any call.
 */
import type { PrincipalId } from '../../protocol/index.ts';
import {
  type GrantStep,
  isoInstant,
  type JoinStep,
  type RevokeStep,
  type WindowStep,
} from '../scenario/index.ts';
import type { ExecContext } from './exec-context.ts';
import { callRecorder } from './protocol-call.ts';
import { asFile, asPartition, asPrincipal } from './protocol-ids.ts';
import { executed, refused, type StepExecution } from './step-execution.ts';

/** The owner gives partitions to a role, or to one user (admitting it to the group if needed). */
export function executeGrant(ctx: ExecContext, step: GrantStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const owner = asPrincipal(step.owner);
  const partitions = step.partitions.map(asPartition);
  const { grantee } = step;
  const outcome = recorder.run('grant', step.owner, () =>
    grantee.kind === 'role'
      ? ctx.system.grant({ owner, partitions, role: grantee.role })
      : ctx.system.grant({ owner, partitions, user: asPrincipal(grantee.user) }),
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  const who = grantee.kind === 'role' ? `every ${grantee.role}` : grantee.user;
  return executed('ok', `${step.owner} grants ${who}: ${step.partitions.join(', ')}`, recorder.calls);
}

/** The owner revokes a user: out of the ACL, keys deleted at the SRS, nothing re-encrypted. */
export function executeRevoke(ctx: ExecContext, step: RevokeStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const outcome = recorder.run('revoke', step.owner, () =>
    ctx.system.revoke({ owner: asPrincipal(step.owner), user: asPrincipal(step.user) }),
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  const keys = outcome.value.keysDeleted
    ? `the SRS deleted ${step.user}'s key pair`
    : `${step.user}'s key pair stays at the SRS`;
  return executed('ok', `${step.owner} revoked ${step.user}; ${keys}`, recorder.calls);
}

/** The owner admits a user to its group with a role; the join date counts for `from-join`. */
export function executeJoin(ctx: ExecContext, step: JoinStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const user: PrincipalId = asPrincipal(step.user);
  const outcome = recorder.run('join', step.owner, () =>
    ctx.system.join({ owner: asPrincipal(step.owner), user, role: step.role }),
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  return executed(
    'ok',
    `${step.user} joined ${step.owner}'s group as ${step.role} at ${isoInstant(outcome.value.joinedAt)}`,
    recorder.calls,
  );
}

const isInstant = (t: number) => Number.isSafeInteger(t) && t >= 0;

/** The owner sets a file's access window [start, end]; the SRS refuses requests outside it. */
export function executeWindow(ctx: ExecContext, step: WindowStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const { start, end } = step.window;
  if (!isInstant(start) || !isInstant(end)) {
    return executed(
      'denied',
      `a window needs whole unix seconds >= 0; got [${start}, ${end}]`,
      recorder.calls,
    );
  }
  if (end < start) {
    return executed('denied', `the window ends (${end}) before it starts (${start})`, recorder.calls);
  }
  const outcome = recorder.run('window', step.owner, () =>
    ctx.system.window({ owner: asPrincipal(step.owner), file: asFile(step.file), start, end }),
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  return executed(
    'ok',
    `${step.file} may be read from ${isoInstant(start)} to ${isoInstant(end)}`,
    recorder.calls,
  );
}
