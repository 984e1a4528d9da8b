import { beforeAll, describe, expect, it } from 'vitest';
import { boolSort, enumSort, intSort, type Sort } from '../../src/verify/sort.ts';
import { type Z3Context, z3Context } from '../../src/verify/z3-context.ts';
import { readableFormula } from '../../src/verify/z3-readable.ts';

const sorts: ReadonlyMap<string, Sort> = new Map<string, Sort>([
  ['phase', enumSort('idle', 'waiting', 'critical')],
  ['x', intSort(0, 9)],
  ['y', intSort(0, 9)],
  ['lock', boolSort],
  ['done', boolSort],
]);

describe('readableFormula', () => {
  let ctx: Z3Context;
  beforeAll(async () => {
    ctx = await z3Context();
  });

  it('prints Z3 terms in infix over the IR names, turning enum indices back into value names', () => {
    const phase = ctx.Int.const('phase');
    const [x, y] = [ctx.Int.const('x'), ctx.Int.const('y')];
    const [lock, done] = [ctx.Bool.const('lock'), ctx.Bool.const('done')];
    const cases: [ReturnType<typeof ctx.Bool.val>, string][] = [
      [ctx.Not(x.ge(6)), 'x < 6'],
      [ctx.And(phase.le(1), lock), 'phase ∈ {idle, waiting} ∧ lock'],
      [ctx.Or(ctx.Not(phase.eq(2)), x.eq(3)), 'phase ∈ {idle, waiting} ∨ x = 3'],
      [phase.eq(0), 'phase = idle'],
      [ctx.Int.val(1).le(phase), 'phase ∈ {waiting, critical}'],
      [ctx.Not(x.eq(y)), 'x ≠ y'],
      [ctx.Implies(lock, x.add(y).le(3)), 'lock ⇒ x + y ≤ 3'],
      [ctx.If(lock, x, y).eq(2), '(if lock then x else y) = 2'],
      [lock.eq(done), 'lock ⇔ done'],
      [ctx.And(ctx.Or(lock, done), ctx.Not(done)), '(lock ∨ done) ∧ ¬done'],
      [x.gt(-1), 'x > -1'],
      [ctx.Implies(ctx.Implies(lock, done), lock), '(lock ⇒ done) ⇒ lock'],
      [ctx.Implies(lock, ctx.Implies(done, lock)), 'lock ⇒ done ⇒ lock'],
      [x.sub(y.sub(1)).eq(x.sub(y).sub(1)), 'x - (y - 1) = x - y - 1'],
      [ctx.Bool.val(true), 'true'],
    ];
    for (const [formula, text] of cases) expect(readableFormula(ctx, formula, sorts)).toBe(text);
  });

  it('falls back to the s-expression for what it does not know, hiding nothing', () => {
    const q = ctx.Int.const('q');
    const exists = ctx.Exists([q], q.gt(ctx.Int.const('x')));
    expect(readableFormula(ctx, exists, sorts)).toBe(exists.sexpr());
  });
});
