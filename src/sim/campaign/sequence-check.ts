/**
 * One campaign sequence judged: run on the protocol, the concrete net and the abstract net side by
 * side (the runner's conformance check), and every SPEC property the secure protocol keeps
 * checked on the start marking and on the marking after every conformant step.
 */
import { propertyPredicates, type Variant } from '../../protocol/index.ts';
import { runScenario, type ScenarioRun } from '../run/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { Finding } from './finding.ts';

/** The run of a sequence and its first finding, if any. */
export interface SequenceCheck {
  readonly run: ScenarioRun;
  readonly finding?: Finding;
}

/** Runs `scenario` with `seed` and returns its first finding (the earliest step; a property first). */
export function checkSequence(scenario: Scenario, seed: string): SequenceCheck {
  const run = runScenario(scenario, { seed });
  const { model, divergence } = run;
  if (model === undefined)
    return { run, ...(divergence === undefined ? {} : { finding: { kind: 'divergence', divergence } }) };
  const variant: Variant = scenario.variant;
  const properties = propertyPredicates(model.net, model.instance).filter(
    (p) => p.expected.secure === 'holds',
  );
  const conformant = divergence === undefined ? run.steps : run.steps.slice(0, -1);
  const markings = [
    { at: undefined, marking: model.start },
    ...conformant.map((s) => ({ at: { index: s.index, line: s.line, op: s.op }, marking: s.marking })),
  ];
  for (const { at, marking } of markings) {
    const failed = properties.find((p) => !p.holds(marking));
    if (failed !== undefined) {
      return {
        run,
        finding: {
          kind: 'property',
          property: failed.id,
          title: failed.title,
          ...(at === undefined ? {} : { at }),
          expectedForVariant: failed.expected[variant] === 'violated',
        },
      };
    }
  }
  return { run, ...(divergence === undefined ? {} : { finding: { kind: 'divergence', divergence } }) };
}
