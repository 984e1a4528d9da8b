/**
 * What the stepper shows at each position of a run: at the start, what everyone knows and what
 * may fire; after a firing, the transition and its binding, the tokens it consumed and produced,
 * what each actor learned or lost by it, and the transitions enabled next. Pure text, no timings,
 * so the same run always reads the same (the stepper's script mode is tested line by line).
 */
import {
  enabledBindings,
  isOpaque,
  type Marking,
  type Net,
  showToken,
  type Token,
  type TokenMove,
} from '../../model/index.ts';
import { factKey, factOfToken } from '../../protocol/index.ts';
import { isoInstant } from '../scenario/index.ts';
import { describeDivergence } from './divergence.ts';
import { netKnowledge } from './knowledge-check.ts';
import { runActors } from './run-actors.ts';
import type { FiringRecord, ScenarioRun, StepReport } from './run-scenario.ts';

/** A token as a student reads it: a knowledge token as its fact and payload, others field by field. */
export function showMove(move: TokenMove): string {
  const count = move.count === 1 ? '' : `${move.count}× `;
  return `${move.place} ${count}${showPlaceToken(move.place, move.token)}`;
}

function showPlaceToken(place: string, token: Token): string {
  if (!place.startsWith('K_')) return showToken(token);
  const payload = token.payload;
  const value = payload !== undefined && isOpaque(payload) ? ` ⟨${payload.key}⟩` : '';
  return `${factKey(factOfToken(token))}${value}`;
}

/** The transitions enabled in `marking`, in net order, with how many bindings each has. */
export function enabledSummary(net: Net, marking: Marking): string {
  const counts = new Map<string, number>();
  for (const b of enabledBindings(net, marking))
    counts.set(b.transition, (counts.get(b.transition) ?? 0) + 1);
  if (counts.size === 0) return '  enabled: nothing';
  const items = [...counts].map(([id, n]) => (n === 1 ? id : `${id} ×${n}`));
  return wrap('  enabled: ', items);
}

/** `head` then the items comma-separated, wrapped at 100 columns under the first item. */
function wrap(head: string, items: readonly string[]): string {
  const lines: string[] = [];
  let line = head;
  for (const [i, item] of items.entries()) {
    const piece = i === items.length - 1 ? item : `${item},`;
    if (line.length + piece.length + 1 > 100 && line.trim() !== head.trim()) {
      lines.push(line);
      line = `${' '.repeat(head.length)}${piece}`;
    } else {
      line = line.endsWith(' ') ? `${line}${piece}` : `${line} ${piece}`;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

/** Every actor's facts in `marking`, one line per actor (the `k` command and the start view). */
export function knowledgeLines(run: ScenarioRun, net: Net, marking: Marking): readonly string[] {
  const actors = runActors(run.scenario);
  const facts = netKnowledge(net, marking, actors);
  return actors.map((a) => {
    const list = facts.get(a) ?? [];
    return wrap(`    ${a}: `, list.length === 0 ? ['nothing'] : list);
  });
}

/** What each actor learned (+) and lost (−) between two markings; one line per actor that changed. */
function knowledgeChanges(run: ScenarioRun, net: Net, before: Marking, after: Marking): readonly string[] {
  const actors = runActors(run.scenario);
  const was = netKnowledge(net, before, actors);
  const now = netKnowledge(net, after, actors);
  return actors.flatMap((a) => {
    const old = new Set(was.get(a) ?? []);
    const fresh = new Set(now.get(a) ?? []);
    const gained = [...fresh].filter((f) => !old.has(f)).map((f) => `+ ${f}`);
    const lost = [...old].filter((f) => !fresh.has(f)).map((f) => `− ${f}`);
    return gained.length + lost.length === 0 ? [] : [wrap(`    ${a}: `, [...gained, ...lost])];
  });
}

/** The firings of a run in order, each with its step. */
export function firingsOf(
  run: ScenarioRun,
): readonly { readonly step: StepReport; readonly firing: FiringRecord }[] {
  return run.steps.flatMap((step) => step.firings.map((firing) => ({ step, firing })));
}

/** The view of the start state. */
export function startView(run: ScenarioRun, net: Net, start: Marking): string {
  const { scenario } = run;
  const total = firingsOf(run).length;
  const lines = [
    `start · ${scenario.source} (${scenario.name}), variant ${scenario.variant}, seed ${run.seed}: ` +
      `${total} firings over ${run.steps.length} steps · ${isoInstant(scenario.start)}`,
    '  knowledge:',
    ...knowledgeLines(run, net, start),
    enabledSummary(net, start),
  ];
  if (run.divergence !== undefined) {
    lines.push(
      `  note: the run stops at a divergence: ${describeDivergence(run.divergence, scenario.source)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const meta = (net: Net, id: string) => net.transitions.find((t) => t.id === id)?.meta ?? {};

/** The view after firing number `position` (from 1). */
export function firingView(run: ScenarioRun, net: Net, start: Marking, position: number): string {
  const all = firingsOf(run);
  const here = all[position - 1];
  if (here === undefined)
    throw new RangeError(`firingView: no firing ${position}; the run has ${all.length}`);
  const { step, firing } = here;
  const before = position === 1 ? start : all[position - 2]!.firing.marking;
  const { event, binding } = firing;
  const m = meta(net, event.transition);
  const tags = [
    m.rule === undefined ? undefined : `rule ${m.rule}`,
    event.actor,
    event.call === undefined ? 'bookkeeping' : `call ${event.call}`,
  ].filter((x) => x !== undefined);
  const result = event.reason === undefined ? event.outcome : `${event.outcome} (${event.reason})`;
  const changes = knowledgeChanges(run, net, before, firing.marking);
  const lines = [
    `firing ${position} of ${all.length} · step ${step.index} ${step.op} (${run.scenario.source}:${step.line}) · ` +
      isoInstant(event.simulatedTime),
    `${event.transition}  [${tags.join(', ')}] → ${result}`,
    '  binding:',
    ...Object.entries(binding.vars).map(([name, token]) => `    ${name} = ${showToken(token)}`),
    '  consumed:',
    ...(firing.consumed.length === 0 ? ['    nothing'] : firing.consumed.map((c) => `    ${showMove(c)}`)),
    '  produced:',
    ...(firing.produced.length === 0 ? ['    nothing'] : firing.produced.map((p) => `    ${showMove(p)}`)),
    '  knowledge:',
    ...(changes.length === 0 ? ['    no change'] : changes),
    enabledSummary(net, firing.marking),
  ];
  const last = step.firings[step.firings.length - 1] === firing;
  if (last) {
    const got = step.reason === undefined ? step.outcome : `${step.outcome} (${step.reason})`;
    const verdict =
      step.expected === undefined
        ? ''
        : step.ok
          ? `; expected ${step.expected}: met`
          : `; expected ${step.expected}: NOT met`;
    lines.push(`  step ${step.index} ${step.op} done: ${got}${verdict}`);
  }
  if (position === all.length && run.divergence !== undefined) {
    lines.push(`  divergence: ${describeDivergence(run.divergence, run.scenario.source)}`);
  }
  return `${lines.join('\n')}\n`;
}
