/**
 * What an actor knows, read off a marking as the protocol's knowledge facts, so the net's
 * knowledge places compare one to one with `system.knowledge(actor)` in the conformance check.
 * Facts drop what the protocol's facts do not say (owner, level, intactness, times, payloads).
 * @module
 */
import type { Marking, Net, Token } from '../../model/index.ts';
import type { ActorId, FileId, PrincipalId } from '../ids.ts';
import { type Knowledge, type KnowledgeFact, knowledgeOf } from '../knowledge.ts';
import type { PartitionLabel } from '../phr/partition.ts';
import type { FactKind } from './colours.ts';
import { knowledgeTokens } from './marking-read.ts';
import { knowledgePlace } from './places.ts';

/** The fact a knowledge token stands for. */
export function factOfToken(t: Token): KnowledgeFact {
  const kind = t.kind as FactKind;
  const subject = t.subject as PrincipalId;
  const ref = {
    file: t.file as FileId,
    partition: t.partition as PartitionLabel,
    version: t.version as number,
  };
  switch (kind) {
    case 'secret-key':
    case 'otp-secret':
      return { kind, subject };
    case 'otp':
      return { kind, file: ref.file, subject };
    case 'parameter':
      return { kind, subject, ...ref };
    case 'ciphertext':
    case 'plaintext':
      return { kind, ...ref };
    default: {
      const never: never = kind;
      throw new TypeError(`not a knowledge token: ${String(never)}`);
    }
  }
}

/** What `actor` (a principal or infrastructure actor) knows in `marking`, as a sorted fact set. */
export function knowledgeOfMarking(net: Net, marking: Marking, actor: ActorId | string): Knowledge {
  if (!net.places.some((p) => p.id === knowledgePlace(actor))) {
    throw new RangeError(`knowledgeOfMarking: net '${net.name}' has no knowledge place for ${actor}`);
  }
  return knowledgeOf(knowledgeTokens(marking, actor).map(factOfToken));
}
