/**
 * `tick`: the simulated clock moves forward. The clock throws on a negative or fractional
 * amount; such a step is refused here before the call.
 */
import { isoInstant, type TickStep } from '../scenario/index.ts';
import type { ExecContext } from './exec-context.ts';
import { callRecorder } from './protocol-call.ts';
import { executed, type StepExecution } from './step-execution.ts';

/** The time server's clock moves `by` seconds forward. */
export function executeTick(ctx: ExecContext, step: TickStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  if (!Number.isSafeInteger(step.by) || step.by < 0) {
    return executed('denied', `the clock moves by whole seconds >= 0; got ${step.by}`, recorder.calls);
  }
  const outcome = recorder.run('tick', 'time-server', () => ctx.system.tick({ seconds: step.by }));
  const now = outcome.kind === 'ok' ? outcome.value : ctx.system.now();
  return executed('ok', `the clock reads ${isoInstant(now)}`, recorder.calls);
}
