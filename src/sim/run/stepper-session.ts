/**
 * The student's stepper over a run, as a pure state machine: a position (0 is the start state, k
 * the state after the k-th firing) and a command in, the next position and the text to show out.
 * The terminal and the script mode of `sesphr step` only feed it lines and print what it answers.
 */
import type { RunModel, ScenarioRun } from './run-scenario.ts';
import { firingsOf, firingView, knowledgeLines, startView } from './stepper-view.ts';

/** Where a student stands in a run. */
export interface StepperSession {
  readonly run: ScenarioRun;
  readonly model: RunModel;
  /** 0: the start state; k: the state after the k-th firing. */
  readonly position: number;
}

/** What a command led to: the new session, the text to show, and whether the student quit. */
export interface StepperReply {
  readonly session: StepperSession;
  readonly output: string;
  readonly quit: boolean;
}

/** The commands, as `h` shows them. */
export const STEPPER_HELP = [
  'commands:',
  '  n, next, or an empty line   the next firing',
  '  b, back                     the previous firing',
  '  j N, jump N                 the first firing of step N',
  '  k, knows                    what every actor knows now',
  '  h, help                     this list',
  '  q, quit                     leave',
  '',
].join('\n');

/** A session at the start of `run`, with the start view. */
export function openStepper(run: ScenarioRun, model: RunModel): StepperReply {
  const session = { run, model, position: 0 };
  return { session, output: `${view(session)}(h for help)\n`, quit: false };
}

function view(s: StepperSession): string {
  return s.position === 0
    ? startView(s.run, s.model.net, s.model.start)
    : firingView(s.run, s.model.net, s.model.start, s.position);
}

const at = (s: StepperSession, position: number): StepperReply => {
  const session = { ...s, position };
  return { session, output: view(session), quit: false };
};

const say = (session: StepperSession, output: string): StepperReply => ({
  session,
  output: `${output}\n`,
  quit: false,
});

/** The first position showing step `index`, or why there is none. */
function jump(s: StepperSession, index: number): StepperReply {
  const steps = s.run.steps;
  const target = steps.find((st) => st.index === index);
  if (target === undefined) {
    const last = steps[steps.length - 1]?.index;
    return say(s, last === undefined ? 'the run has no steps' : `no step ${index}; steps run: 0 to ${last}`);
  }
  const before = steps.filter((st) => st.index < index).reduce((n, st) => n + st.firings.length, 0);
  if (target.firings.length === 0) {
    return say(
      { ...s, position: before },
      `step ${index} ${target.op} fired no transition: ${target.detail}`,
    );
  }
  return at(s, before + 1);
}

/** Applies one command line. */
export function stepperCommand(s: StepperSession, line: string): StepperReply {
  const words = line
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const [command = 'n', argument] = words;
  const total = firingsOf(s.run).length;
  switch (command) {
    case 'n':
    case 'next':
      return s.position < total
        ? at(s, s.position + 1)
        : say(s, `the run is over (${total} firings); b to go back, q to quit`);
    case 'b':
    case 'back':
      return s.position > 0 ? at(s, s.position - 1) : say(s, 'already at the start');
    case 'j':
    case 'jump': {
      const n = argument !== undefined && /^\d+$/.test(argument) ? Number(argument) : Number.NaN;
      return Number.isSafeInteger(n) ? jump(s, n) : say(s, `jump needs a step number, e.g. j 2`);
    }
    case 'k':
    case 'knows': {
      const marking = s.position === 0 ? s.model.start : firingsOf(s.run)[s.position - 1]!.firing.marking;
      return say(s, ['  knowledge:', ...knowledgeLines(s.run, s.model.net, marking)].join('\n'));
    }
    case 'h':
    case 'help':
    case '?':
      return { session: s, output: STEPPER_HELP, quit: false };
    case 'q':
    case 'quit':
      return { session: s, output: '', quit: true };
    default:
      return say(s, `unknown command '${line.trim()}'; h for help`);
  }
}
