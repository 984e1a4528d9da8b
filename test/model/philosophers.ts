/**
 * Dining philosophers as a coloured net, coloured by philosopher id: `think`, `hungry` and `eat`
 * hold philosopher tokens, `fork` holds fork tokens; philosopher p uses forks p and p+1 (mod n).
 * `atomic` takes both forks in one step (no deadlock); otherwise the left fork is taken first.
 */
import {
  add,
  and,
  c,
  colourSet,
  defineNet,
  type Expr,
  eq,
  field,
  intType,
  ite,
  type Net,
  type TransitionSpec,
  tuple,
  v,
} from '../../src/model/index.ts';

export function philosophers(n: number, atomic: boolean): Net {
  const Phil = colourSet('Phil', { p: intType(0, n - 1) });
  const Fork = colourSet('Fork', { f: intType(0, n - 1) });
  const ids = Array.from({ length: n }, (_, i) => i);
  const rightFork = (x: Expr): Expr => ite(eq(field(x, 'p'), c(n - 1)), c(0), add(field(x, 'p'), c(1)));
  const put: TransitionSpec = {
    id: 'put',
    inputs: [{ kind: 'consume', place: 'eat', bind: 'x' }],
    outputs: [
      { place: 'think', token: v('x') },
      { place: 'fork', token: tuple({ f: field(v('x'), 'p') }) },
      { place: 'fork', token: tuple({ f: rightFork(v('x')) }) },
    ],
  };
  const take: TransitionSpec[] = atomic
    ? [
        {
          id: 'take',
          inputs: [
            { kind: 'consume', place: 'think', bind: 'x' },
            { kind: 'consume', place: 'fork', bind: 'l' },
            { kind: 'consume', place: 'fork', bind: 'r' },
          ],
          guard: and(eq(field(v('l'), 'f'), field(v('x'), 'p')), eq(field(v('r'), 'f'), rightFork(v('x')))),
          outputs: [{ place: 'eat', token: v('x') }],
        },
      ]
    : [
        {
          id: 'left',
          inputs: [
            { kind: 'consume', place: 'think', bind: 'x' },
            { kind: 'consume', place: 'fork', bind: 'l' },
          ],
          guard: eq(field(v('l'), 'f'), field(v('x'), 'p')),
          outputs: [{ place: 'hungry', token: v('x') }],
        },
        {
          id: 'right',
          inputs: [
            { kind: 'consume', place: 'hungry', bind: 'x' },
            { kind: 'consume', place: 'fork', bind: 'r' },
          ],
          guard: eq(field(v('r'), 'f'), rightFork(v('x'))),
          outputs: [{ place: 'eat', token: v('x') }],
        },
      ];
  return defineNet({
    name: `philosophers-${n}${atomic ? '-atomic' : ''}`,
    places: [
      { id: 'think', colour: Phil, initial: ids.map((p) => ({ token: { p } })) },
      { id: 'hungry', colour: Phil },
      { id: 'eat', colour: Phil },
      { id: 'fork', colour: Fork, initial: ids.map((f) => ({ token: { f } })) },
    ],
    transitions: [...take, put],
  });
}
