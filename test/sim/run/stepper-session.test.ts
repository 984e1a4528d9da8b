/**
 * The stepper as a state machine over a run: forward, back, jump to a step, what everyone knows,
 * help, quit, and the answers at either end of the run.
 */
import { describe, expect, it } from 'vitest';
import {
  openStepper,
  runScenario,
  STEPPER_HELP,
  type StepperReply,
  stepperCommand,
} from '../../../src/sim/run/index.ts';
import { bundled, seedOf } from '../execute/bundled-scenarios.ts';

const scenario = bundled('otp-leak.yaml');
const run = runScenario(scenario, { seed: seedOf(scenario) });
const model = run.model!;

/** Plays `commands` from the start; returns every reply. */
function play(...commands: string[]): StepperReply[] {
  const replies = [openStepper(run, model)];
  for (const c of commands) replies.push(stepperCommand(replies[replies.length - 1]!.session, c));
  return replies;
}

const firstLine = (r: StepperReply) => r.output.split('\n')[0];

describe('the stepper', () => {
  it('opens on the start state with everyone’s knowledge', () => {
    const [open] = play();
    const lines = open!.output.split('\n');
    expect(lines[0]).toBe(
      'start · scenarios/otp-leak.yaml (otp-leak), variant otp-leak, seed leak: 35 firings over 4 steps · 2026-01-01T00:00:00Z',
    );
    expect(lines.slice(1, 4)).toEqual([
      '  knowledge:',
      '    alice: otp-secret(alice), secret-key(alice)',
      '    bob: secret-key(bob)',
    ]);
    expect(lines.at(-2)).toBe('(h for help)');
  });

  it('walks forward and back to exactly the same view', () => {
    const replies = play('n', '', 'next', 'b', 'back');
    expect(replies.map((r) => r.session.position)).toEqual([0, 1, 2, 3, 2, 1]);
    expect(replies[4]!.output).toBe(replies[2]!.output);
    expect(replies[5]!.output).toBe(replies[1]!.output);
    expect(replies[1]!.output.split('\n').slice(0, 2)).toEqual([
      'firing 1 of 35 · step 0 upload (scenarios/otp-leak.yaml:18) · 2026-01-01T00:00:00Z',
      'Prepare_upload/alice  [alice, call prepareUpload] → ok',
    ]);
    expect(replies[2]!.output.split('\n').slice(1, 2)).toEqual(['Gen_ri  [rule 25, alice, call drawR] → ok']);
  });

  it('jumps to the first firing of a step, and says when there is no such step', () => {
    const [, jumped, missing, bad] = play('j 1', 'jump 9', 'j x');
    expect(jumped!.session.position).toBe(27);
    expect(jumped!.output.split('\n').slice(0, 2)).toEqual([
      'firing 27 of 35 · step 1 download (scenarios/otp-leak.yaml:19) · 2026-01-01T00:00:00Z',
      'Ask_consent/bob  [bob, call requestConsent] → ok',
    ]);
    expect(jumped!.output).toContain('  knowledge:\n    bob: + otp(f1,bob)\n');
    expect(missing!.output).toBe('no step 9; steps run: 0 to 3\n');
    expect(missing!.session.position).toBe(27);
    expect(bad!.output).toBe('jump needs a step number, e.g. j 2\n');
  });

  it('says at the last firing how the step ended against its expectation', () => {
    const [, last] = play('j 3');
    const lines = last!.output.split('\n');
    expect(lines[0]).toBe(
      'firing 35 of 35 · step 3 decrypt (scenarios/otp-leak.yaml:23) · 2026-01-01T00:00:00Z',
    );
    expect(lines[1]).toBe('Decrypt_C/bob  [rule 33, bob, call decryptPartition] → ok');
    expect(lines.at(-2)).toBe('  step 3 decrypt done: ok; expected ok: met');
    const [, , end] = play('j 3', 'n');
    expect(end!.output).toBe('the run is over (35 firings); b to go back, q to quit\n');
  });

  it('answers back at the start, help, knows, unknown commands and quit', () => {
    const [, back, help, knows, unknown, quit] = play('b', 'h', 'k', 'fly', 'q');
    expect(back!.output).toBe('already at the start\n');
    expect(help!.output).toBe(STEPPER_HELP);
    expect(firstLine(knows!)).toBe('  knowledge:');
    expect(unknown!.output).toBe("unknown command 'fly'; h for help\n");
    expect(quit!.quit).toBe(true);
    expect([back, help, knows, unknown].every((r) => r!.quit === false)).toBe(true);
  });
});
