/**
 * Loading Z3 and its context, and keeping Z3's memory safe from JavaScript's garbage collector.
 *
 * The high-level API releases Z3 objects (terms, solvers, models, parameter sets…) from
 * finalizers, which run on the main thread whenever the event loop is idle, and that is exactly
 * while `await solver.check()` runs the solver on a worker thread of the same context. Z3's
 * contexts are not thread-safe, so on large runs a release landing in the middle of a check
 * corrupted memory (a crash, or `unknown` with reason "unreachable"). So every release function is
 * wrapped here: while a check is in flight ({@link whileSolving}) releases are queued, and they
 * run when the last check returns.
 *
 * There is one context per process, not one per run: a context is itself freed by a finalizer, in
 * no fixed order with its terms', so a context collected together with its terms could be used
 * after it was freed. Runs share no state through it (each check has its own solver, released
 * when done): at most a constant `x@3` of one run is the same term as another run's `x@3` of the
 * same sort, which changes no answer.
 */
import { type Context, init } from 'z3-solver';

/** The context type every verifier module works with. */
export type Z3Context = Context<'verify'>;

type Api = Awaited<ReturnType<typeof init>>;

let loading: Promise<Api> | undefined;
let context: Promise<Z3Context> | undefined;
let checking = 0;
const deferred: (() => void)[] = [];

/** Queues `release` while a check is in flight, so it never races the solver thread. */
function guardReleases(api: Api): Api {
  const low = api.Z3 as unknown as Record<string, unknown>;
  for (const name of Object.keys(low)) {
    const original = low[name];
    if (
      typeof original !== 'function' ||
      !(name.endsWith('_dec_ref') || name === 'dec_ref' || name === 'del_context')
    ) {
      continue;
    }
    low[name] = (...args: unknown[]) => {
      if (checking > 0) deferred.push(() => original(...args));
      else original(...args);
    };
  }
  return api;
}

/** The process-wide Z3 API, loaded on first use, its release functions guarded. */
export function loadZ3(): Promise<Api> {
  loading ??= init().then(guardReleases);
  return loading;
}

/** The verifier's context (see the module comment). */
export function z3Context(): Promise<Z3Context> {
  context ??= loadZ3().then(({ Context: Ctx }) => new Ctx('verify'));
  return context;
}

/**
 * Runs `check` (a call that solves on Z3's worker thread) with every release the garbage
 * collector triggers meanwhile held back until no check is in flight.
 */
export async function whileSolving<T>(check: () => Promise<T>): Promise<T> {
  checking++;
  try {
    return await check();
  } finally {
    checking--;
    if (checking === 0) for (const release of deferred.splice(0)) release();
  }
}
