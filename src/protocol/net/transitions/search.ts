/**
 * Keyword search (SPEC 3.2, searchable encryption). A principal can make a trapdoor for a stored
 * partition's current version only if it holds R for exactly that version (an owner: its own R_P);
 * the cloud matches trapdoors against the indexes, after authenticating it. The content is the
 * instance's keyword table (`Hits`): which versions contain which keyword.
 *
 * The answers need an existential the net states positively: `Search_found` fires on a witness
 * (a trapdoor whose version contains the keyword), `Search_none` on a trapdoor, `Search_F_auth`
 * on a trapdoor when the cloud refuses the principal. The planner takes `found` over `none`, and
 * `Search_F_notrap` (`not-in-acl`) only when no trapdoor exists at all, the protocol's order. All
 * of them leave the state as it is, so no property depends on this priority.
 * @module
 */
import { and, eq, not } from '../../../model/index.ts';
import { type NetBuilder, read } from '../builder.ts';
import { allHold, firstReason, someFails } from '../kit.ts';
import { knowledgePlace, PLACES } from '../places.ts';

/** Search refusals and answers. */
export function searchTransitions(b: NetBuilder): void {
  const k = b.kit;
  const registered = not(k.is('pu', 'status', k.status('unregistered')));
  const meta = { actor: 'Cloud', call: 'search' };
  b.refusal({
    id: 'Search_F_unknown',
    inputs: [read(PLACES.principal, 'pu')],
    guard: not(registered),
    actor: k.f('pu', 'principal'),
    op: 'search',
    reason: k.reason('unknown-principal'),
    meta,
  });
  b.refusal({
    id: 'Search_F_notrap',
    inputs: [read(PLACES.principal, 'pu')],
    guard: registered,
    actor: k.f('pu', 'principal'),
    op: 'search',
    reason: k.reason('not-in-acl'),
    meta: { ...meta, priority: 'last' },
  });
  const auth = k.auth('pu', 'ck').slice(1);
  for (const p of b.instance.principals) {
    const me = k.name(p.name);
    const trapdoor = [
      read(PLACES.principal, 'pu'),
      read(PLACES.clock, 'ck'),
      read(PLACES.file, 'fr'),
      read(PLACES.current, 'cu'),
      read(knowledgePlace(p.name), 'par'),
    ];
    const canSearch = and(
      k.is('pu', 'principal', me),
      registered,
      k.is('fr', 'state', k.fileState('stored')),
      eq(k.f('cu', 'file'), k.f('fr', 'file')),
      k.is('par', 'kind', k.kind('parameter')),
      k.is('par', 'subject', me),
      eq(k.f('par', 'file'), k.f('cu', 'file')),
      eq(k.f('par', 'partition'), k.f('cu', 'partition')),
      eq(k.f('par', 'version'), k.f('cu', 'current')),
    );
    b.refusal({
      id: `Search_F_auth/${p.name}`,
      name: 'Search_F_auth',
      inputs: trapdoor,
      guard: and(canSearch, someFails(auth)),
      actor: me,
      op: 'search',
      reason: firstReason(auth),
      meta: { ...meta, principal: p.name },
    });
    const answer = { kind: 'decision', op: 'search', actor: 'Cloud', principal: p.name, call: 'search' };
    b.add({
      id: `Search_found/${p.name}`,
      name: 'Search_found',
      inputs: [...trapdoor, read(PLACES.words, 'kw'), read(PLACES.hits, 'hit')],
      guard: and(
        canSearch,
        allHold(auth),
        // An R of an earlier generation of the id makes a trapdoor that matches nothing stored.
        eq(k.f('par', 'gen'), k.f('fr', 'gen')),
        eq(k.f('hit', 'keyword'), k.f('kw', 'keyword')),
        eq(k.f('hit', 'file'), k.f('par', 'file')),
        eq(k.f('hit', 'partition'), k.f('par', 'partition')),
        eq(k.f('hit', 'version'), k.f('par', 'version')),
      ),
      outputs: [],
      meta: { ...answer, outcome: 'found' },
    });
    b.add({
      id: `Search_none/${p.name}`,
      name: 'Search_none',
      inputs: [...trapdoor, read(PLACES.words, 'kw')],
      guard: and(canSearch, allHold(auth)),
      outputs: [],
      meta: { ...answer, outcome: 'none', priority: 'after Search_found' },
    });
  }
}
