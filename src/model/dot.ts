/**
 * Graphviz export, so a net can be looked at: places as circles, transitions as boxes labelled with
 * their guards, read arcs dashed, inhibitor arcs ending in a circle, output arcs labelled with the
 * token they produce.
 */
import { type Expr, showExpr } from './expr.ts';
import type { Net } from './net.ts';

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function isUnitTuple(e: Expr): boolean {
  return e.kind === 'tuple' && e.fields.length === 0;
}

function weighted(label: string, weight: number | undefined): string {
  return weight === undefined || weight === 1 ? label : label === '' ? `${weight}` : `${weight}×${label}`;
}

/** The net in the Graphviz DOT language. Node ids are positional, so any place or transition id is safe. */
export function toDot(net: Net): string {
  const lines: string[] = [`digraph ${quote(net.name)} {`, '  rankdir=LR;'];
  const placeNode = new Map<string, string>();
  net.places.forEach((p, i) => {
    const node = `p${i}`;
    placeNode.set(p.id, node);
    const count = p.initial.reduce((n, tc) => n + tc.count, 0);
    const label = [
      p.name,
      ...(p.colour.fields.length > 0 ? [p.colour.name] : []),
      ...(count > 0 ? [`${count}`] : []),
    ];
    lines.push(`  ${node} [shape=circle, label=${quote(label.join('\n'))}];`);
  });
  net.transitions.forEach((t, i) => {
    const node = `t${i}`;
    const label = t.guard === undefined ? t.name : `${t.name}\n[${showExpr(t.guard)}]`;
    lines.push(`  ${node} [shape=box, label=${quote(label)}];`);
    for (const a of t.inputs) {
      const from = placeNode.get(a.place)!;
      switch (a.kind) {
        case 'consume':
          lines.push(`  ${from} -> ${node} [label=${quote(weighted(a.bind ?? '', a.weight))}];`);
          break;
        case 'read':
          lines.push(`  ${from} -> ${node} [style=dashed, dir=none, label=${quote(a.bind)}];`);
          break;
        case 'inhibit': {
          const label = a.where === undefined ? '' : `${a.bind} | ${showExpr(a.where)}`;
          lines.push(`  ${from} -> ${node} [arrowhead=odot, label=${quote(label)}];`);
          break;
        }
        default: {
          const never: never = a;
          throw new Error(`unknown arc ${JSON.stringify(never)}`);
        }
      }
    }
    for (const o of t.outputs) {
      const base = weighted(isUnitTuple(o.token) ? '' : showExpr(o.token), o.weight);
      const label = o.when === undefined ? base : `${base} if ${showExpr(o.when)}`;
      lines.push(`  ${node} -> ${placeNode.get(o.place)!} [label=${quote(label)}];`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
