/**
 * The verifier's error hierarchy. A malformed transition system or property is a modelling bug in
 * the caller (the net compiler, a test), so it is thrown with the offending element named; solver
 * outcomes (unknown, timeout) are never errors but verdicts.
 */

/** Base class of every error the verifier throws on purpose. */
export class VerifyError extends Error {
  override readonly name: string = 'VerifyError';
}

/**
 * A transition system, property, state or trace does not fit the IR's rules. `element` names what is
 * at fault (`transition inc`, `property P1`, `init`) and `path` locates an expression node from its
 * root (e.g. `and[1].left`), empty when the fault is not inside an expression.
 */
export class IrError extends VerifyError {
  override readonly name = 'IrError';
  constructor(
    readonly element: string,
    readonly problem: string,
    readonly path = '',
  ) {
    super(`${element}: ${problem}${path === '' ? '' : ` (at ${path})`}`);
  }
}

/** True when `e` is any error the verifier threw on purpose. */
export const isVerifyError = (e: unknown): e is VerifyError => e instanceof VerifyError;
/** True when `e` reports a malformed transition system, property, state or trace. */
export const isIrError = (e: unknown): e is IrError => e instanceof IrError;
