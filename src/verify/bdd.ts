/**
 * Reduced ordered binary decision diagrams: the data structure of the symbolic-reachability engine.
 * A node is a variable level with a low and a high child; nodes are hash-consed, so equal
 * functions are equal numbers and the constants are 0 and 1. Operations are memoised in one lossy
 * direct-mapped cache, as usual for BDD packages. There is no garbage collection: one manager lives
 * for one reachability run, and a node limit turns a run that would not fit in memory into an
 * error the engine reports as unknown.
 */
import { VerifyError } from './errors.ts';

/** The manager outgrew its node limit. */
export class BddLimitError extends VerifyError {
  override readonly name = 'BddLimitError';
}

const FALSE = 0;
const TRUE = 1;
const CACHE_BITS = 22;
const CACHE_MASK = (1 << CACHE_BITS) - 1;
const OP_ITE = 1;
const OP_AND_EXISTS = 2;
const OP_EXISTS = 3;
const OP_REPLACE = 4;

/** A manager of BDDs over variables 0..levels-1 (level order is variable order). */
export class Bdd {
  readonly levels: number;
  private readonly limit: number;
  private level: Int32Array;
  private lo: Int32Array;
  private hi: Int32Array;
  private count = 2;
  private table: Int32Array;
  private readonly cacheOp = new Int32Array(1 << CACHE_BITS);
  private readonly cacheA = new Int32Array(1 << CACHE_BITS);
  private readonly cacheB = new Int32Array(1 << CACHE_BITS);
  private readonly cacheC = new Int32Array(1 << CACHE_BITS);
  private readonly cacheR = new Int32Array(1 << CACHE_BITS);
  /** Quantifier masks and renamings by id, for the operations that take them. */
  private readonly masks: Uint8Array[] = [];
  private readonly maps: Int32Array[] = [];

  constructor(levels: number, limit = 12_000_000) {
    this.levels = levels;
    this.limit = limit;
    const capacity = 1 << 16;
    this.level = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.hi = new Int32Array(capacity);
    this.level[0] = levels;
    this.level[1] = levels;
    this.table = new Int32Array(1 << 17);
  }

  /** Nodes made so far (a measure of the work done). */
  get nodes(): number {
    return this.count;
  }

  private hash(l: number, a: number, b: number): number {
    return (Math.imul(l, 0x9e3779b1) ^ Math.imul(a, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35)) >>> 0;
  }

  private grow(): void {
    const capacity = this.level.length * 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    this.level = copy(this.level);
    this.lo = copy(this.lo);
    this.hi = copy(this.hi);
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let n = 2; n < this.count; n++) {
      let i = this.hash(this.level[n]!, this.lo[n]!, this.hi[n]!) & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = n;
    }
    this.table = table;
  }

  /** The node (l ? hi : lo), reduced and shared. */
  private mk(l: number, low: number, high: number): number {
    if (low === high) return low;
    const mask = this.table.length - 1;
    let i = this.hash(l, low, high) & mask;
    for (;;) {
      const n = this.table[i]!;
      if (n === 0) break;
      if (this.level[n] === l && this.lo[n] === low && this.hi[n] === high) return n;
      i = (i + 1) & mask;
    }
    if (this.count >= this.limit) {
      throw new BddLimitError(`the decision diagrams outgrew ${this.limit} nodes`);
    }
    if (this.count >= this.level.length || this.count * 2 >= this.table.length) {
      this.grow();
      return this.mk(l, low, high);
    }
    const n = this.count++;
    this.level[n] = l;
    this.lo[n] = low;
    this.hi[n] = high;
    this.table[i] = n;
    return n;
  }

  private slot(op: number, a: number, b: number, c: number): number {
    return (Math.imul(op, 0x27d4eb2d) ^ Math.imul(a, 0x165667b1) ^ Math.imul(b, 0x9e3779b1) ^ c) & CACHE_MASK;
  }

  private cached(s: number, op: number, a: number, b: number, c: number): number {
    return this.cacheOp[s] === op && this.cacheA[s] === a && this.cacheB[s] === b && this.cacheC[s] === c
      ? this.cacheR[s]!
      : -1;
  }

  private store(s: number, op: number, a: number, b: number, c: number, r: number): number {
    this.cacheOp[s] = op;
    this.cacheA[s] = a;
    this.cacheB[s] = b;
    this.cacheC[s] = c;
    this.cacheR[s] = r;
    return r;
  }

  /** The variable at `level` as a function. */
  variable(l: number): number {
    return this.mk(l, FALSE, TRUE);
  }

  /** `f ? g : h`. */
  ite(f: number, g: number, h: number): number {
    if (f === TRUE) return g;
    if (f === FALSE) return h;
    if (g === h) return g;
    if (g === TRUE && h === FALSE) return f;
    const s = this.slot(OP_ITE, f, g, h);
    const hit = this.cached(s, OP_ITE, f, g, h);
    if (hit >= 0) return hit;
    const lf = this.level[f]!;
    const lg = this.level[g]!;
    const lh = this.level[h]!;
    const top = Math.min(lf, lg, lh);
    const r = this.mk(
      top,
      this.ite(lf === top ? this.lo[f]! : f, lg === top ? this.lo[g]! : g, lh === top ? this.lo[h]! : h),
      this.ite(lf === top ? this.hi[f]! : f, lg === top ? this.hi[g]! : g, lh === top ? this.hi[h]! : h),
    );
    return this.store(s, OP_ITE, f, g, h, r);
  }

  not(f: number): number {
    return this.ite(f, FALSE, TRUE);
  }
  and(f: number, g: number): number {
    return this.ite(f, g, FALSE);
  }
  or(f: number, g: number): number {
    return this.ite(f, TRUE, g);
  }
  /** `f ↔ g`. */
  iff(f: number, g: number): number {
    return this.ite(f, g, this.not(g));
  }

  /** Registers a set of levels to quantify; returns its id for {@link exists} and {@link andExists}. */
  quantifier(levels: Iterable<number>): number {
    const mask = new Uint8Array(this.levels + 1);
    for (const l of levels) mask[l] = 1;
    this.masks.push(mask);
    return this.masks.length - 1;
  }

  /** Registers an order-preserving renaming of levels (`map[l]` is l's new level); returns its id. */
  renaming(map: Int32Array): number {
    this.maps.push(map);
    return this.maps.length - 1;
  }

  /** `∃ levels of quantifier q. f`. */
  exists(f: number, q: number): number {
    if (f <= TRUE) return f;
    const s = this.slot(OP_EXISTS, f, q, 0);
    const hit = this.cached(s, OP_EXISTS, f, q, 0);
    if (hit >= 0) return hit;
    const l = this.level[f]!;
    const low = this.exists(this.lo[f]!, q);
    const r = this.masks[q]![l]
      ? low === TRUE
        ? TRUE
        : this.or(low, this.exists(this.hi[f]!, q))
      : this.mk(l, low, this.exists(this.hi[f]!, q));
    return this.store(s, OP_EXISTS, f, q, 0, r);
  }

  /** `∃ levels of quantifier q. f ∧ g`, without building the conjunction (the image step). */
  andExists(f: number, g: number, q: number): number {
    if (f === FALSE || g === FALSE) return FALSE;
    if (f === TRUE) return this.exists(g, q);
    if (g === TRUE || f === g) return this.exists(f, q);
    if (f > g) [f, g] = [g, f];
    const s = this.slot(OP_AND_EXISTS, f, g, q);
    const hit = this.cached(s, OP_AND_EXISTS, f, g, q);
    if (hit >= 0) return hit;
    const lf = this.level[f]!;
    const lg = this.level[g]!;
    const top = Math.min(lf, lg);
    const f0 = lf === top ? this.lo[f]! : f;
    const f1 = lf === top ? this.hi[f]! : f;
    const g0 = lg === top ? this.lo[g]! : g;
    const g1 = lg === top ? this.hi[g]! : g;
    let r: number;
    if (this.masks[q]![top]) {
      const low = this.andExists(f0, g0, q);
      r = low === TRUE ? TRUE : this.or(low, this.andExists(f1, g1, q));
    } else {
      r = this.mk(top, this.andExists(f0, g0, q), this.andExists(f1, g1, q));
    }
    return this.store(s, OP_AND_EXISTS, f, g, q, r);
  }

  /** `f` with its levels renamed by renaming `m` (which must preserve their order). */
  replace(f: number, m: number): number {
    if (f <= TRUE) return f;
    const s = this.slot(OP_REPLACE, f, m, 0);
    const hit = this.cached(s, OP_REPLACE, f, m, 0);
    if (hit >= 0) return hit;
    const r = this.mk(
      this.maps[m]![this.level[f]!]!,
      this.replace(this.lo[f]!, m),
      this.replace(this.hi[f]!, m),
    );
    return this.store(s, OP_REPLACE, f, m, 0, r);
  }

  /** The number of assignments to all levels that satisfy `f` (a float: exact up to 2^53). */
  satCount(f: number): number {
    const memo = new Map<number, number>();
    const go = (n: number): number => {
      if (n === FALSE) return 0;
      if (n === TRUE) return 1;
      const known = memo.get(n);
      if (known !== undefined) return known;
      const l = this.level[n]!;
      const c =
        go(this.lo[n]!) * 2 ** (this.level[this.lo[n]!]! - l - 1) +
        go(this.hi[n]!) * 2 ** (this.level[this.hi[n]!]! - l - 1);
      memo.set(n, c);
      return c;
    };
    return go(f) * 2 ** this.level[f]!;
  }

  /** One satisfying assignment of `f` (levels it leaves free are false); `null` when f is false. */
  pick(f: number): Uint8Array | null {
    if (f === FALSE) return null;
    const out = new Uint8Array(this.levels);
    let n = f;
    while (n > TRUE) {
      const l = this.level[n]!;
      if (this.lo[n] !== FALSE) n = this.lo[n]!;
      else {
        out[l] = 1;
        n = this.hi[n]!;
      }
    }
    return out;
  }

  /** The cube fixing `levels` to the values of `bits` (indexed by level). */
  cube(levels: Iterable<number>, bits: Uint8Array): number {
    const sorted = [...levels].sort((a, b) => b - a);
    let out = TRUE;
    for (const l of sorted) out = bits[l] ? this.mk(l, FALSE, out) : this.mk(l, out, FALSE);
    return out;
  }
}
