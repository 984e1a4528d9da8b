/**
 * The engine's error hierarchy. Each class has a type guard so callers (the CLI, the verifier) can
 * tell a malformed model from a bad input or a bug without matching on message text.
 */

/** Base class of every error the engine throws on purpose. */
export class ModelError extends Error {
  override readonly name: string = 'ModelError';
}

/** An expression is ill-typed; `path` locates the offending node from the root (e.g. `and[1].left`). */
export class ExprTypeError extends ModelError {
  override readonly name = 'ExprTypeError';
  constructor(
    readonly problem: string,
    readonly path: string,
  ) {
    super(path === '' ? problem : `${problem} (at ${path})`);
  }
}

/**
 * Evaluating an expression failed at run time: an unbound variable, a missing or misbehaving
 * function, an integer overflow, or a produced token that does not fit its place's colour.
 * These are model or configuration bugs, so they are thrown rather than treated as "not enabled".
 */
export class EvaluationError extends ModelError {
  override readonly name = 'EvaluationError';
}

/** `defineNet` rejected a net; `element` names the place, transition or arc at fault. */
export class NetDefinitionError extends ModelError {
  override readonly name = 'NetDefinitionError';
  constructor(
    readonly element: string,
    readonly problem: string,
  ) {
    super(`${element}: ${problem}`);
  }
}

export const isModelError = (e: unknown): e is ModelError => e instanceof ModelError;
export const isExprTypeError = (e: unknown): e is ExprTypeError => e instanceof ExprTypeError;
export const isEvaluationError = (e: unknown): e is EvaluationError => e instanceof EvaluationError;
export const isNetDefinitionError = (e: unknown): e is NetDefinitionError => e instanceof NetDefinitionError;
