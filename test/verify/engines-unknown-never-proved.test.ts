import { describe, expect, it } from 'vitest';
import { bmc } from '../../src/verify/bmc.ts';
import { startBudget } from '../../src/verify/budget.ts';
import { chc } from '../../src/verify/chc.ts';
import { kInduction } from '../../src/verify/k-induction.ts';
import { prove } from '../../src/verify/z3-check.ts';
import { z3Context } from '../../src/verify/z3-context.ts';
import { binaryCounter, mutex, mutualExclusion, notAllOnes } from './toy-systems.ts';

describe('a budget of 1 ms yields unknown/timeout from every engine, never proved', () => {
  it.each([
    ['bmc', () => bmc(mutex(), mutualExclusion, { depth: 10, timeoutMs: 1 })],
    ['kind', () => kInduction(mutex(), mutualExclusion, { maxK: 10, timeoutMs: 1 })],
    ['chc', () => chc(mutex(), mutualExclusion, { timeoutMs: 1 })],
  ])('%s', async (engine, run) => {
    expect(await run()).toMatchObject({ kind: 'unknown', engine, reason: 'timeout' });
  });
});

describe('a hard system (violation only after 2^20 − 1 steps) within 300 ms: unknown, never proved', () => {
  const ts = binaryCounter(20);
  const property = notAllOnes(20);
  it.each([
    ['bmc', () => bmc(ts, property, { depth: 2 ** 20, timeoutMs: 300 })],
    ['kind', () => kInduction(ts, property, { maxK: 2 ** 20, timeoutMs: 300 })],
    ['chc', () => chc(ts, property, { timeoutMs: 300 })],
  ])('%s', async (engine, run) => {
    expect(await run()).toMatchObject({ kind: 'unknown', engine, reason: 'timeout' });
  });
});

describe('prove', () => {
  it('proves a valid claim, refutes an invalid one with a model, and leaves a hard one unknown', async () => {
    const ctx = await z3Context();
    const [x, y, z] = [ctx.Int.const('x'), ctx.Int.const('y'), ctx.Int.const('z')];
    const options = (queryId: string) => ({ budget: startBudget(30_000), queryId });
    expect(await prove(ctx, x.add(1).gt(x), [], options('valid'))).toEqual({ kind: 'proved' });
    const refuted = await prove(ctx, x.gt(0), [x.le(5)], options('invalid'));
    expect(refuted.kind).toBe('refuted');
    if (refuted.kind === 'refuted') expect(Number(refuted.model.eval(x).toString())).toBeLessThanOrEqual(0);
    // x³ + y³ ≠ z³ for positive integers (Fermat, n = 3) is true but beyond Z3's nonlinear
    // arithmetic: the only acceptable answer within a short budget is unknown.
    const cube = (v: typeof x) => v.mul(v).mul(v);
    const fermat = await prove(ctx, ctx.Not(cube(x).add(cube(y)).eq(cube(z))), [x.gt(0), y.gt(0), z.gt(0)], {
      budget: startBudget(300),
      queryId: 'fermat',
    });
    expect(fermat).toMatchObject({ kind: 'unknown', reason: 'timeout' });
  });
});
