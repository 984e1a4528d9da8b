/**
 * The knowledge half of the conformance check: every actor's facts in the net's marking against
 * the protocol's `system.knowledge(actor)`, compared as sets of fact keys.
 */
import type { Marking, Net } from '../../model/index.ts';
import { factKey, knowledgeOfMarking } from '../../protocol/index.ts';
import type { KnowledgeSnapshot } from './concrete-pass.ts';

/** The first actor whose facts differ, with what only each side has; undefined when all agree. */
export interface KnowledgeDifference {
  readonly actor: string;
  readonly onlyNet: readonly string[];
  readonly onlyProtocol: readonly string[];
}

/** Every actor's facts in `marking`, as sorted fact keys. */
export function netKnowledge(net: Net, marking: Marking, actors: readonly string[]): KnowledgeSnapshot {
  return new Map(actors.map((a) => [a, knowledgeOfMarking(net, marking, a).map(factKey)]));
}

/** Compares the net's knowledge with the protocol's, actor by actor in `actors` order. */
export function knowledgeDifference(
  net: KnowledgeSnapshot,
  protocol: KnowledgeSnapshot,
  actors: readonly string[],
): KnowledgeDifference | undefined {
  for (const actor of actors) {
    const n = new Set(net.get(actor) ?? []);
    const p = new Set(protocol.get(actor) ?? []);
    const onlyNet = [...n].filter((f) => !p.has(f));
    const onlyProtocol = [...p].filter((f) => !n.has(f));
    if (onlyNet.length > 0 || onlyProtocol.length > 0) return { actor, onlyNet, onlyProtocol };
  }
  return undefined;
}
