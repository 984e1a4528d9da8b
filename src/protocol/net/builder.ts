/**
 * What the transition modules write into: the transitions so far, and for every refusal the
 * expression of its reason (the planner evaluates it on the firing's binding, whether or not the
 * net records refusals). Refusal transitions all follow one pattern, made here: they change
 * nothing but, when the instance tracks refusals, put `{actor, op, reason}` in the one-token
 * `Verdict` place (and wait while it is occupied); `Log_refusal` then files it in `Refusals`.
 * @module
 */
import {
  type Expr,
  type InputArcSpec,
  type OutputArcSpec,
  type TransitionSpec,
  tuple,
} from '../../model/index.ts';
import type { NetInstance } from './instance.ts';
import type { Kit } from './kit.ts';
import type { NetOpName } from './net-op.ts';
import { PLACES } from './places.ts';

/** `place`'s token bound to `bind`, taken. */
export const consume = (place: string, bind: string): InputArcSpec => ({ kind: 'consume', place, bind });
/** `place`'s token bound to `bind`, only looked at. */
export const read = (place: string, bind: string): InputArcSpec => ({ kind: 'read', place, bind });
/** No token `bind` of `place` satisfies `where`. */
export const inhibit = (place: string, bind: string, where: Expr): InputArcSpec => ({
  kind: 'inhibit',
  place,
  bind,
  where,
});
/** Puts `token` into `place` (when `when` holds). */
export const put = (place: string, token: Expr, when?: Expr): OutputArcSpec =>
  when === undefined ? { place, token } : { place, token, when };

/** The `Verdict` place is empty: a refusal waits until the previous one is filed. */
export const VERDICT_FREE: InputArcSpec = { kind: 'inhibit', place: PLACES.verdict };

/** A refusal: the arcs that bind what it looks at, when it applies, and whom and why it refuses. */
export interface RefusalSpec {
  readonly id: string;
  readonly name?: string;
  readonly inputs: readonly InputArcSpec[];
  readonly guard: Expr;
  /** Who is blamed (a `name` expression). */
  readonly actor: Expr;
  readonly op: NetOpName;
  readonly reason: Expr;
  readonly meta: Readonly<Record<string, string>>;
}

/** Collects the transitions of one net. */
export class NetBuilder {
  readonly kit: Kit;
  readonly instance: NetInstance;
  readonly transitions: TransitionSpec[] = [];
  /** The reason expression of every refusal transition, by id. */
  readonly reasons = new Map<string, Expr>();

  constructor(kit: Kit) {
    this.kit = kit;
    this.instance = kit.instance;
  }

  /** Adds a transition. */
  add(t: TransitionSpec): void {
    this.transitions.push(t);
  }

  /** Adds a refusal transition (see the module comment). */
  refusal(r: RefusalSpec): void {
    const track = this.instance.trackRefusals;
    this.reasons.set(r.id, r.reason);
    this.transitions.push({
      id: r.id,
      ...(r.name === undefined ? {} : { name: r.name }),
      inputs: track ? [...r.inputs, VERDICT_FREE] : r.inputs,
      guard: r.guard,
      outputs: track
        ? [put(PLACES.verdict, tuple({ actor: r.actor, op: this.kit.op(r.op), reason: r.reason }))]
        : [],
      meta: { kind: 'refusal', op: r.op, ...r.meta },
    });
  }
}
