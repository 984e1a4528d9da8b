/**
 * What every actor is given by the system: the simulated clock, the variant in force, and the one
 * way to refuse. Refusing through `deny` is what guarantees that every refusal reaches the attack
 * log with its reason, whoever refuses and however deep in a composite operation.
 * @module
 */
import type { ClockReader } from '../clock.ts';
import type { ActorId } from '../ids.ts';
import { type DenialReason, type Denied, denied } from '../outcome.ts';
import type { Variant } from '../variant.ts';
import type { AttackLog } from './attack-log.ts';

/** The system-wide services an actor may use. */
export interface ActorContext {
  readonly clock: ClockReader;
  readonly variant: Variant;
  /** Records the refusal in the attack log and returns it as an outcome. */
  deny(refusal: Refusal): Denied;
}

/** A refusal as an actor states it; the time is the clock's. */
export interface Refusal {
  readonly refusedBy: ActorId;
  readonly actor: ActorId;
  readonly operation: string;
  readonly reason: DenialReason;
  readonly detail: string;
}

/** The context of one system: every refusal goes to `attackLog` stamped with the clock's time. */
export function createContext(clock: ClockReader, variant: Variant, attackLog: AttackLog): ActorContext {
  return Object.freeze({
    clock,
    variant,
    deny(refusal: Refusal): Denied {
      attackLog.append({
        time: clock.now(),
        actor: refusal.actor,
        operation: refusal.operation,
        reason: refusal.reason,
        detail: refusal.detail,
        refusedBy: refusal.refusedBy,
      });
      return denied(refusal.reason, refusal.detail);
    },
  });
}
