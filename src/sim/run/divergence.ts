/**
 * Where the net and the protocol part ways. The conformance check runs the concrete protocol, the
 * net with the protocol's values, and the abstract net side by side, and stops at the first
 * difference; a `Divergence` says which step (or the start state), what differed and how.
 */
import type { DenialReason } from '../../protocol/index.ts';
import type { OperationName } from '../scenario/index.ts';

/** The step a divergence happened at; absent in a divergence means the start state. */
export interface StepPlace {
  readonly index: number;
  readonly line: number;
  readonly op: OperationName;
}

/** An outcome word with the refusal reason behind it, if any. */
export interface Verdict {
  readonly outcome: string;
  readonly reason?: DenialReason;
}

/** The first difference between the net and the protocol, discriminated by `kind`. */
export type Divergence =
  /** The step's outcome word differs, or both give a refusal reason and the reasons differ. */
  | { readonly kind: 'outcome'; readonly at?: StepPlace; readonly net: Verdict; readonly protocol: Verdict }
  /** An actor's knowledge facts differ after the step. */
  | {
      readonly kind: 'knowledge';
      readonly at?: StepPlace;
      readonly actor: string;
      readonly onlyNet: readonly string[];
      readonly onlyProtocol: readonly string[];
    }
  /** A token the concrete net made carries a value no protocol call produced, or another one. */
  | { readonly kind: 'value'; readonly at?: StepPlace; readonly transition: string; readonly detail: string }
  /** The abstract net (symbolic payloads) fired other transitions or came to another outcome. */
  | {
      readonly kind: 'abstract';
      readonly at?: StepPlace;
      readonly concrete: readonly string[];
      readonly abstract: readonly string[];
      readonly detail: string;
    }
  /** The net's instance cannot represent the step (a bound too small, content it does not model). */
  | { readonly kind: 'unrepresentable'; readonly at?: StepPlace; readonly detail: string }
  /** The net misbehaved: two alternatives enabled at once, a planned firing not enabled, … */
  | { readonly kind: 'net-error'; readonly at?: StepPlace; readonly detail: string };

const verdict = (v: Verdict) => (v.reason === undefined ? v.outcome : `${v.outcome} (${v.reason})`);

const facts = (list: readonly string[]) => (list.length === 0 ? 'nothing' : list.join(', '));

/** What differed, in one sentence (without the place). */
export function divergenceMessage(d: Divergence): string {
  switch (d.kind) {
    case 'outcome':
      return `the net says ${verdict(d.net)}, the protocol says ${verdict(d.protocol)}`;
    case 'knowledge':
      return `${d.actor}'s knowledge differs: only the net has ${facts(d.onlyNet)}; only the protocol has ${facts(d.onlyProtocol)}`;
    case 'value':
      return `${d.transition}: ${d.detail}`;
    case 'abstract':
      return `the abstract net differs from the concrete one: ${d.detail}`;
    case 'unrepresentable':
      return `the net cannot represent this: ${d.detail}`;
    case 'net-error':
      return `the net failed: ${d.detail}`;
    default: {
      const never: never = d;
      return never;
    }
  }
}

/** Where it happened: `step 3 request (scenarios/x.yaml:17)`, or `the start state (…)`. */
export function divergencePlace(d: Divergence, source: string): string {
  return d.at === undefined
    ? `the start state (${source})`
    : `step ${d.at.index} ${d.at.op} (${source}:${d.at.line})`;
}

/** The divergence as one line for people: place, then what differed. */
export function describeDivergence(d: Divergence, source: string): string {
  return `${divergencePlace(d, source)}: ${divergenceMessage(d)}`;
}
