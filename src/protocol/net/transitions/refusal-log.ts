/**
 * Filing refusals (attack tracking, SPEC 3.2): the refusal waiting in `Verdict` joins the set of
 * refusals seen, `{actor, op, reason}`, or is dropped if that one was seen before.
 * @module
 */
import { and, eq } from '../../../model/index.ts';
import { consume, inhibit, type NetBuilder, put, read } from '../builder.ts';
import { PLACES } from '../places.ts';

/** Log_refusal and Log_refusal_repeat (only when the instance tracks refusals). */
export function refusalLogTransitions(b: NetBuilder): void {
  if (!b.instance.trackRefusals) return;
  const k = b.kit;
  const same = (x: string) =>
    and(
      eq(k.f(x, 'actor'), k.f('vd', 'actor')),
      eq(k.f(x, 'op'), k.f('vd', 'op')),
      eq(k.f(x, 'reason'), k.f('vd', 'reason')),
    );
  const meta = { kind: 'bookkeeping', actor: 'Attack log' };
  b.add({
    id: 'Log_refusal',
    inputs: [consume(PLACES.verdict, 'vd'), inhibit(PLACES.refusals, 'seen', same('seen'))],
    outputs: [put(PLACES.refusals, k.copy('vd', k.voc.colours.refusal, {}))],
    meta,
  });
  b.add({
    id: 'Log_refusal_repeat',
    name: 'Log_refusal',
    inputs: [consume(PLACES.verdict, 'vd'), read(PLACES.refusals, 'seen')],
    guard: same('seen'),
    outputs: [],
    meta,
  });
}
