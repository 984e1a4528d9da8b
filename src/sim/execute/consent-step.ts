/**
 * `consent`: the owner's device sends its current one-time code straight to the cloud, which
 * turns it into a ticket for one download of the file by the user. The code never reaches the
 * user, so the call records no value.
 */
import type { ConsentStep } from '../scenario/index.ts';
import type { ExecContext } from './exec-context.ts';
import { callRecorder } from './protocol-call.ts';
import { asFile, asPrincipal } from './protocol-ids.ts';
import { executed, refused, type StepExecution } from './step-execution.ts';

/** The owner consents to one download. */
export function executeConsent(ctx: ExecContext, step: ConsentStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const outcome = recorder.run('consent', step.owner, () =>
    ctx.system.consent({
      owner: asPrincipal(step.owner),
      user: asPrincipal(step.user),
      file: asFile(step.file),
    }),
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  return executed(
    'ok',
    `${step.owner} consented to one download of ${step.file} by ${step.user}`,
    recorder.calls,
  );
}
