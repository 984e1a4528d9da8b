/**
 * Step properties of a net ("whenever R is issued, the ACL allowed it then") as monitors: one
 * boolean per monitor that a watched transition sets when it fires while the monitor's condition
 * fails. The property is then the state formula "the monitor was never set", which every engine
 * checks like any other. A violation's trace ends with the offending firing itself.
 */
import type { Expr as ModelExpr, Transition as NetTransition } from '../model/index.ts';
import type { Cases } from './case-term.ts';
import type { Formula } from './expr.ts';
import type { Scope } from './net-expr.ts';
import type { PlaceLayout } from './net-places.ts';

/** What a monitor's condition can read about one firing. */
export interface Firing {
  readonly transition: NetTransition;
  /** The firing's input variables. */
  readonly scope: Scope;
  /** A model expression over the firing's variables, by cases. */
  cases(e: ModelExpr): Cases;
  /** A model condition over the firing's variables. */
  condition(e: ModelExpr): Formula;
}

/**
 * A step property: whenever a transition it `watches` fires, `requires` must hold of the firing,
 * in the state it fires from (it may read records through `layout`). `id` names the monitor's
 * variable, so it must be a valid IR name.
 */
export interface Monitor {
  readonly id: string;
  readonly watches: (t: NetTransition) => boolean;
  readonly requires: (firing: Firing, layout: PlaceLayout) => Formula;
}

/** The state variable of monitor `id`: true once a watched firing broke its condition. */
export const monitorVariable = (id: string): string => `${id}.violated`;
