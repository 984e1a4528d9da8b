/**
 * Loading Z3 and its context. The WebAssembly module is loaded once per process (a few hundred
 * milliseconds) and so is the one context every engine run works in. One context, not one per
 * run: the high-level API frees a context from a JavaScript finalizer, in no fixed order with the
 * finalizers of its terms, so a context collected while its terms are being collected is used
 * after it is freed; a process-wide context is never collected. Runs share no state through it
 * (each check has its own solver, released when done): at most a constant `x@3` of one run is the
 * same term as another run's `x@3` of the same sort, which changes no answer.
 */
import { type Context, init } from 'z3-solver';

/** The context type every verifier module works with. */
export type Z3Context = Context<'verify'>;

let loading: ReturnType<typeof init> | undefined;
let context: Promise<Z3Context> | undefined;

/** The process-wide Z3 API, loaded on first use. */
export function loadZ3(): ReturnType<typeof init> {
  loading ??= init();
  return loading;
}

/**
 * The verifier's context. Its reference counts may be decremented concurrently: the high-level
 * API releases garbage-collected terms from finalizers, which run on the main thread while a check
 * runs on a solver thread; without this, a large run (many terms, a garbage collection during a
 * long check) corrupts the context's memory and Z3 crashes or answers unknown.
 */
export function z3Context(): Promise<Z3Context> {
  context ??= loadZ3().then(({ Context: Ctx, Z3 }) => {
    const ctx = new Ctx('verify');
    Z3.enable_concurrent_dec_ref(ctx.ptr);
    return ctx;
  });
  return context;
}
