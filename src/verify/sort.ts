/**
 * Sorts of the verifier's transition-system IR. Every sort is finite (bounded integers, enumerations,
 * booleans) so that k-induction with simple-path constraints is complete and the pure interpreter
 * can enumerate states as an oracle for the SMT engines.
 */
import { IrError } from './errors.ts';

/** The booleans. */
export interface BoolSort {
  readonly kind: 'bool';
}
/** The integers `min..max`, both included; both safe integers. */
export interface IntSort {
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
}
/** A finite set of named values, e.g. a process phase or a role. Order matters only for encoding. */
export interface EnumSort {
  readonly kind: 'enum';
  readonly values: readonly string[];
}
/** The sort of a state variable or transition parameter. */
export type Sort = BoolSort | IntSort | EnumSort;

/** A concrete value: a boolean, an integer, or the name of an enum value. */
export type Value = boolean | number | string;

/** The boolean sort (frozen, shared). */
export const boolSort: BoolSort = Object.freeze({ kind: 'bool' });

/** The integers `min..max`; rejects unsafe or inverted bounds at construction. */
export function intSort(min: number, max: number): IntSort {
  return checkSort({ kind: 'int', min, max }, `int sort ${min}..${max}`) as IntSort;
}

/** An enumeration of the given distinct value names. */
export function enumSort(...values: string[]): EnumSort {
  return checkSort({ kind: 'enum', values }, `enum sort {${values.join(', ')}}`) as EnumSort;
}

/** Checks that `sort` is well formed and returns it frozen; `where` names its owner in errors. */
export function checkSort(sort: Sort, where: string): Sort {
  switch (sort.kind) {
    case 'bool':
      return boolSort;
    case 'int':
      if (!Number.isSafeInteger(sort.min) || !Number.isSafeInteger(sort.max)) {
        throw new IrError(where, `int bounds must be safe integers, got ${sort.min}..${sort.max}`);
      }
      if (sort.min > sort.max) throw new IrError(where, `int sort is empty: ${sort.min} > ${sort.max}`);
      return Object.freeze({ kind: 'int', min: sort.min, max: sort.max });
    case 'enum': {
      if (sort.values.length === 0) throw new IrError(where, 'enum sort has no values');
      const seen = new Set<string>();
      for (const v of sort.values) {
        if (typeof v !== 'string' || v.length === 0) {
          throw new IrError(where, `enum values must be non-empty strings, got ${JSON.stringify(v)}`);
        }
        if (seen.has(v)) throw new IrError(where, `enum value ${JSON.stringify(v)} appears twice`);
        seen.add(v);
      }
      return Object.freeze({ kind: 'enum', values: Object.freeze([...sort.values]) });
    }
    default: {
      const bad: never = sort;
      throw new IrError(where, `unknown sort ${JSON.stringify(bad)}`);
    }
  }
}

/** True when `value` belongs to `sort` (right JavaScript type and within bounds). */
export function sortContains(sort: Sort, value: Value): boolean {
  switch (sort.kind) {
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= sort.min && value <= sort.max;
    case 'enum':
      return typeof value === 'string' && sort.values.includes(value);
    default: {
      const bad: never = sort;
      return bad;
    }
  }
}

/** Every value of `sort`, in order; the interpreter's state enumeration is built on it. */
export function sortValues(sort: Sort): readonly Value[] {
  switch (sort.kind) {
    case 'bool':
      return [false, true];
    case 'int':
      return Array.from({ length: sort.max - sort.min + 1 }, (_, i) => sort.min + i);
    case 'enum':
      return sort.values;
    default: {
      const bad: never = sort;
      return bad;
    }
  }
}

/** Two sorts are the same when they denote the same set in the same order. */
export function sameSort(a: Sort, b: Sort): boolean {
  if (a.kind === 'bool' || b.kind === 'bool') return a.kind === b.kind;
  if (a.kind === 'int' || b.kind === 'int') {
    return a.kind === 'int' && b.kind === 'int' && a.min === b.min && a.max === b.max;
  }
  return a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
}

/** `bool`, `int[0..5]`, `{idle, want, crit}`: how sorts appear in errors and reports. */
export function formatSort(sort: Sort): string {
  switch (sort.kind) {
    case 'bool':
      return 'bool';
    case 'int':
      return `int[${sort.min}..${sort.max}]`;
    case 'enum':
      return `{${sort.values.join(', ')}}`;
    default: {
      const bad: never = sort;
      return bad;
    }
  }
}
