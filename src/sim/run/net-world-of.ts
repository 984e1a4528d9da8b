/**
 * The finite world the SeSPHR net of a scenario is built for: the scenario's header (variant,
 * start, principals, owners' policies), its whole list of operations (from which the net derives
 * its bounds: files, instants, windows, versions, revocations, coalitions, keywords) and the
 * keyword content of the versions the concrete run wrote.
 */
import type { KeywordHit, NetOp, NetWorld } from '../../protocol/index.ts';
import type { Scenario } from '../scenario/index.ts';

/** The net world of `scenario` running `ops` (one per step), with the search content `hits`. */
export function netWorldOf(scenario: Scenario, ops: readonly NetOp[], hits: readonly KeywordHit[]): NetWorld {
  return {
    variant: scenario.variant,
    start: scenario.start,
    principals: Object.values(scenario.principals).map((p) => ({
      name: p.name,
      role: p.role,
      status: p.status,
    })),
    owners: Object.fromEntries(
      Object.entries(scenario.owners).map(([name, policy]) => [
        name,
        {
          partitions: policy.partitions,
          grants: policy.grants,
          history: policy.history,
          consent: policy.consent,
        },
      ]),
    ),
    ops,
    hits,
  };
}
