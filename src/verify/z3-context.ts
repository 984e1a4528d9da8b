/**
 * Loading Z3 and making contexts. The WebAssembly module is loaded once per process (a few hundred
 * milliseconds) and shared; each engine run gets its own context so that no solver state, symbol or
 * parameter leaks from one run into the next.
 */
import { type Context, init } from 'z3-solver';

/** The context type every verifier module works with. */
export type Z3Context = Context<'verify'>;

let loading: ReturnType<typeof init> | undefined;

/** The process-wide Z3 API, loaded on first use. */
export function loadZ3(): ReturnType<typeof init> {
  loading ??= init();
  return loading;
}

/** A fresh context for one engine run. */
export async function newZ3Context(): Promise<Z3Context> {
  const { Context: Ctx } = await loadZ3();
  return new Ctx('verify');
}
