/**
 * General state-space exploration: breadth-first over reachable markings, each stored once under
 * its canonical key. It is the engine's reference semantics for every net (coloured or not); plain
 * place/transition nets may also take PT's specialised fast path, which must agree with it.
 *
 * Breadth-first order means the first violating marking found is one of the nearest to the start,
 * so the path returned for a violated invariant is a shortest one.
 */
import { type Binding, enumerateBindings } from './binding.ts';
import { candidates, compileNet } from './compiled-net.ts';
import type { FunctionTable } from './expr-eval.ts';
import { fireEnabled } from './fire.ts';
import { checkLayout, initialMarking, keyOf, type Marking } from './marking.ts';
import type { Net } from './net.ts';

/** A named property every reachable marking must have. */
export interface Invariant {
  readonly name: string;
  holds(marking: Marking): boolean;
}

/** A progress report: states stored, edges counted, states waiting to be expanded. */
export interface ExploreProgress {
  readonly states: number;
  readonly edges: number;
  readonly frontier: number;
}

export interface ExploreOptions {
  /** Stop (reporting `complete: false`) rather than store more than this many states. */
  readonly maxStates?: number;
  /** Checked on every stored marking; exploration stops at the first violation. */
  readonly invariant?: Invariant;
  /** Called at most every `progressIntervalMs` (default 250) during long runs. */
  readonly onProgress?: (progress: ExploreProgress) => void;
  readonly progressIntervalMs?: number;
  /** The clock for progress reports (milliseconds); `performance.now` by default. */
  readonly now?: () => number;
  readonly functions?: FunctionTable;
  /** Where to start; the net's initial marking by default. */
  readonly initial?: Marking;
}

/** An invariant violation: the invariant, a shortest firing path to a violating marking, and it. */
export interface Violation {
  readonly invariant: string;
  readonly path: readonly Binding[];
  readonly marking: Marking;
}

/**
 * What the exploration found. `edges` counts, per expanded marking, the transitions with at least
 * one enabled binding (the Model Checking Contest's definition; for P/T nets, one per enabled
 * transition). `deadlock` says whether some expanded marking enables nothing. The token maxima
 * range over all stored markings. When `complete` is false, `stoppedBy` says why and the figures
 * describe the part explored.
 */
export interface ExploreResult {
  readonly states: number;
  readonly edges: number;
  readonly deadlock: boolean;
  readonly maxTokensInPlace: number;
  readonly maxTokensPerMarking: number;
  readonly complete: boolean;
  readonly stoppedBy?: 'max-states' | 'violation';
  readonly violation?: Violation;
}

/** Breadth-first exploration of the markings reachable from the initial one. */
export function explore(net: Net, options: ExploreOptions = {}): ExploreResult {
  const c = compileNet(net);
  const functions = options.functions ?? {};
  const maxStates = options.maxStates ?? Number.POSITIVE_INFINITY;
  if (!(maxStates >= 1)) throw new RangeError(`maxStates must be at least 1, got ${maxStates}`);
  const { invariant, onProgress } = options;
  const interval = options.progressIntervalMs ?? 250;
  const now = options.now ?? (() => performance.now());

  const initial = options.initial ?? initialMarking(net);
  checkLayout(net, initial);
  const seen = new Map<string, number>();
  // Markings waiting to be expanded, indexed by state number (BFS order = discovery order).
  const queue: (Marking | undefined)[] = [];
  // Parent pointers, kept only when an invariant needs a path back.
  const parent: number[] = [];
  const via: (Binding | undefined)[] = [];

  let edges = 0;
  let deadlock = false;
  let maxTokensInPlace = 0;
  let maxTokensPerMarking = 0;

  const result = (extra: Partial<ExploreResult> & { complete: boolean }): ExploreResult =>
    Object.freeze({ states: seen.size, edges, deadlock, maxTokensInPlace, maxTokensPerMarking, ...extra });

  const pathTo = (state: number): Binding[] => {
    const path: Binding[] = [];
    for (let s = state; s > 0; s = parent[s]!) path.push(via[s]!);
    return path.reverse();
  };

  /** Stores a new marking; returns a violation result if it breaks the invariant. */
  const store = (
    m: Marking,
    key: string,
    from: number,
    binding: Binding | undefined,
  ): ExploreResult | undefined => {
    const state = seen.size;
    seen.set(key, state);
    queue.push(m);
    let total = 0;
    for (const bag of m.bags) {
      total += bag.total;
      if (bag.total > maxTokensInPlace) maxTokensInPlace = bag.total;
    }
    if (total > maxTokensPerMarking) maxTokensPerMarking = total;
    if (invariant === undefined) return undefined;
    parent.push(from);
    via.push(binding);
    if (invariant.holds(m)) return undefined;
    return result({
      complete: false,
      stoppedBy: 'violation',
      violation: Object.freeze({ invariant: invariant.name, path: Object.freeze(pathTo(state)), marking: m }),
    });
  };

  const first = store(initial, keyOf(initial), -1, undefined);
  if (first !== undefined) return first;

  let lastReport = onProgress === undefined ? 0 : now();
  const bindings: Binding[] = [];
  for (let head = 0; head < queue.length; head++) {
    const m = queue[head]!;
    queue[head] = undefined;
    let enabledAny = false;
    for (const ct of candidates(c, m)) {
      if (bindings.length > 0) bindings.length = 0;
      enumerateBindings(ct, m, functions, bindings);
      if (bindings.length === 0) continue;
      enabledAny = true;
      edges++;
      for (const b of bindings) {
        const next = fireEnabled(ct, m, b.vars, functions);
        const key = keyOf(next);
        if (seen.has(key)) continue;
        if (seen.size >= maxStates) return result({ complete: false, stoppedBy: 'max-states' });
        const violated = store(next, key, head, b);
        if (violated !== undefined) return violated;
      }
    }
    if (!enabledAny) deadlock = true;
    if (onProgress !== undefined && (head & 255) === 255) {
      const t = now();
      if (t - lastReport >= interval) {
        lastReport = t;
        onProgress(Object.freeze({ states: seen.size, edges, frontier: queue.length - head - 1 }));
      }
    }
  }
  return result({ complete: true });
}
