/**
 * The conformance check catches a broken net at the step where it first matters: a guard of rule 31
 * (D_R_S) without its window or grant conjunct, a refusal that never fires, a download that hands
 * out nothing. Each mutant is run on a bundled scenario the intact net passes.
 */
import { describe, expect, it } from 'vitest';
import { describeDivergence, runScenario } from '../../../src/sim/run/index.ts';
import { bundled, seedOf } from '../execute/bundled-scenarios.ts';
import {
  disabled,
  forgetful,
  GRANT_CONJUNCT,
  mutant,
  WINDOW_CONJUNCT,
  withoutConjunct,
  withPayloadArgument,
} from './mutants.ts';

const windows = bundled('time-windows.yaml');
const paper = bundled('paper-upload-share-download.yaml');

describe('the conformance check against broken nets', () => {
  it('D_R_S without the window conjunct: both D_R_S and D_R_F_window are enabled at the first request outside the window', () => {
    const run = runScenario(windows, {
      seed: seedOf(windows),
      netOf: mutant(['D_R_S', withoutConjunct(WINDOW_CONJUNCT)]),
    });
    expect(run.passed).toBe(false);
    expect(run.divergence?.kind).toBe('net-error');
    expect(run.divergence?.at).toEqual({ index: 1, line: 17, op: 'request' });
    expect(describeDivergence(run.divergence!, windows.source)).toBe(
      'step 1 request (scenarios/time-windows.yaml:17): the net failed: planner: D_R_F_window and D_R_S/bob ' +
        'are both enabled for {"pu.principal":"bob","fr.file":"f1","cu.partition":"medical","ve.version":1}',
    );
    expect(run.steps).toHaveLength(2);
  });

  it('D_R_S without the window conjunct and D_R_F_window disabled: the net grants what the protocol denies', () => {
    const run = runScenario(windows, {
      seed: seedOf(windows),
      netOf: mutant(['D_R_S', withoutConjunct(WINDOW_CONJUNCT)], ['D_R_F_window', disabled]),
    });
    expect(run.divergence).toEqual({
      kind: 'outcome',
      at: { index: 1, line: 17, op: 'request' },
      net: { outcome: 'granted' },
      protocol: { outcome: 'denied', reason: 'outside-window' },
    });
    expect(describeDivergence(run.divergence!, windows.source)).toBe(
      'step 1 request (scenarios/time-windows.yaml:17): the net says granted, the protocol says denied (outside-window)',
    );
  });

  it("D_R_S without the ACL's grant conjunct and D_R_F disabled: the pharmacist gets R for medical", () => {
    const run = runScenario(paper, {
      seed: seedOf(paper),
      netOf: mutant(['D_R_S', withoutConjunct(GRANT_CONJUNCT)], ['D_R_F', disabled]),
    });
    expect(run.divergence).toEqual({
      kind: 'outcome',
      at: { index: 4, line: 28, op: 'request' },
      net: { outcome: 'granted' },
      protocol: { outcome: 'denied', reason: 'not-in-acl' },
    });
    // The steps before conform: the doctor's request, download and decryption.
    expect(run.steps.map((s) => s.ok)).toEqual([true, true, true, true, true]);
  });

  it('D_C that hands the user nothing: the knowledge check finds it at the download', () => {
    const run = runScenario(paper, { seed: seedOf(paper), netOf: mutant(['D_C', forgetful]) });
    expect(run.divergence).toEqual({
      kind: 'knowledge',
      at: { index: 2, line: 24, op: 'download' },
      actor: 'bob',
      onlyNet: [],
      onlyProtocol: [
        'ciphertext(f1,insurance,1)',
        'ciphertext(f1,medical,1)',
        'ciphertext(f1,personal,1)',
        'ciphertext(f1,prescription,1)',
      ],
    });
  });

  it('D_R_S re-encrypting R for the wrong principal: the value check finds an R the protocol never made', () => {
    const run = runScenario(paper, {
      seed: seedOf(paper),
      netOf: mutant(['D_R_S', withPayloadArgument('R_U', 5, 'alice')]),
    });
    expect(run.divergence).toEqual({
      kind: 'value',
      at: { index: 1, line: 22, op: 'request' },
      transition: 'D_R_S/bob',
      detail: 'no protocol call produced parameter(f1,medical,1,alice) for R_U(alice,f1,0,medical,1,alice)',
    });
  });

  it('a mutant helper that matches nothing throws rather than pass vacuously', () => {
    expect(() =>
      runScenario(paper, { seed: seedOf(paper), netOf: mutant(['No_such_transition', disabled]) }),
    ).toThrow('mutant: no transition named No_such_transition');
  });
});
