/**
 * The concrete half of a run: every step executed against the real protocol (the executor of
 * `src/sim/execute`), with every actor's knowledge read off the system after each step and the
 * keyword content of every version written. It runs first, in full, because the net needs two
 * things only the concrete run knows before it is built: which versions contain the searched
 * keywords (the content the net abstracts away) and which partition a `tamper` without one drew.
 */
import {
  type ActorId,
  factKey,
  fileId,
  isInfrastructure,
  type KeywordHit,
  keywordsOf,
  type ObjectRef,
  type PrincipalId,
  principalId,
  type SeSphrSystem,
} from '../../protocol/index.ts';
import { createExecContext, executeStep, type ProtocolCall, type StepExecution } from '../execute/index.ts';
import type { Scenario, Step } from '../scenario/index.ts';
import { runActors } from './run-actors.ts';

/** Every actor's facts (as `factKey` strings, sorted), by actor. */
export type KnowledgeSnapshot = ReadonlyMap<string, readonly string[]>;

/** One step as the protocol ran it, and what everyone knew afterwards. */
export interface ConcreteStep {
  readonly execution: StepExecution;
  readonly knowledge: KnowledgeSnapshot;
}

/**
 * A version written twice (a file deleted and uploaded again) with different searched keywords:
 * the net's keyword table is per (file, partition, version), so it cannot tell the two apart.
 */
export interface HitConflict {
  readonly stepIndex: number;
  readonly file: string;
  readonly partition: string;
  readonly version: number;
}

/** The whole concrete run. */
export interface ConcretePass {
  readonly setup: readonly ProtocolCall[];
  readonly start: KnowledgeSnapshot;
  readonly steps: readonly ConcreteStep[];
  /** Which written versions contain which searched keyword. */
  readonly hits: readonly KeywordHit[];
  readonly conflict?: HitConflict;
}

function snapshot(system: SeSphrSystem, actors: readonly string[]): KnowledgeSnapshot {
  const registered = new Set<string>(system.principals().map((p) => p.principal));
  return new Map(
    actors.map((actor) => {
      // A principal that never registered is unknown to the protocol: it knows nothing.
      const known = isInfrastructure(actor) || registered.has(actor);
      return [actor, known ? system.knowledge(actor as ActorId).map(factKey) : []];
    }),
  );
}

/** The versions a successful upload or update wrote, as the owner lists them. */
function written(
  system: SeSphrSystem,
  step: Step,
): readonly { readonly owner: PrincipalId; readonly ref: ObjectRef }[] {
  if (step.op !== 'upload' && step.op !== 'update') return [];
  const owner = principalId(step.owner);
  const id = fileId(step.file);
  const file = system.ownerFiles(owner).find((f) => f.file === id);
  return (file?.partitions ?? [])
    .filter((p) => step.op === 'upload' || p.partition === step.partition)
    .map((p) => ({ owner, ref: { file: id, partition: p.partition, version: p.current } }));
}

/** Runs every step of `scenario` on the protocol seeded with `seed`. */
export function concretePass(scenario: Scenario, seed: string): ConcretePass {
  const ctx = createExecContext(scenario, seed);
  const actors = runActors(scenario);
  const searched = new Set(scenario.steps.flatMap((s) => (s.op === 'search' ? [s.keyword] : [])));
  const contents = new Map<string, string>();
  const hits: KeywordHit[] = [];
  let conflict: HitConflict | undefined;
  const start = snapshot(ctx.system, actors);
  const steps = scenario.steps.map((step): ConcreteStep => {
    const execution = executeStep(ctx, step);
    if (searched.size > 0 && execution.outcome === 'ok') {
      for (const { owner, ref } of written(ctx.system, step)) {
        const plaintext = ctx.system.ownerPlaintext(owner, ref) ?? new Uint8Array(0);
        const words = [...new Set(keywordsOf(plaintext))].filter((w) => searched.has(w)).sort();
        const { file, partition, version } = ref;
        const key = `${file}/${partition}/${version}`;
        const before = contents.get(key);
        if (before === undefined) {
          contents.set(key, words.join(','));
          for (const keyword of words) hits.push({ keyword, file, partition, version });
        } else if (before !== words.join(',') && conflict === undefined) {
          conflict = { stepIndex: step.index, file, partition, version };
        }
      }
    }
    return Object.freeze({ execution, knowledge: snapshot(ctx.system, actors) });
  });
  return Object.freeze({
    setup: ctx.setup,
    start,
    steps: Object.freeze(steps),
    hits: Object.freeze(hits),
    ...(conflict === undefined ? {} : { conflict }),
  });
}
