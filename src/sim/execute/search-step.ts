/**
 * `search`: a user searches, through the encrypted index, the current versions it can compute K
 * for. `found` when some index matches the keyword, `none` when it can search but nothing
 * matches, `denied` when it holds R for no current version (it can make no trapdoor) or the cloud
 * refuses it.
 */
import type { SearchStep } from '../scenario/index.ts';
import type { ExecContext } from './exec-context.ts';
import { callRecorder } from './protocol-call.ts';
import { asPrincipal } from './protocol-ids.ts';
import { executed, refused, type StepExecution } from './step-execution.ts';

/** Runs one keyword search. */
export function executeSearch(ctx: ExecContext, step: SearchStep): StepExecution {
  const recorder = callRecorder(ctx.system);
  const outcome = recorder.run('search', step.user, () =>
    ctx.system.search({ user: asPrincipal(step.user), keyword: step.keyword }),
  );
  if (outcome.kind === 'denied') return refused('denied', outcome, recorder.calls);
  const hits = outcome.value.map((r) => `${r.file}/${r.partition} v${r.version}`);
  return hits.length === 0
    ? executed(
        'none',
        `no version ${step.user} can search mentions ${JSON.stringify(step.keyword)}`,
        recorder.calls,
      )
    : executed('found', `${JSON.stringify(step.keyword)} is in ${hits.join(', ')}`, recorder.calls);
}
