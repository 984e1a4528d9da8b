/**
 * The fast path for plain place/transition nets: breadth-first reachability over packed markings.
 *
 * The general engine (explore.ts) handles coloured tokens, guards and invariants with markings as
 * objects; for P/T nets with millions of states that costs too much memory and time. This explorer
 * has the same semantics and the same counts (the Model Checking Contest's definitions) but works on
 * flat typed arrays only:
 *
 * - A marking is packed into 32-bit words, `bits` per place (fields never straddle words). The width
 *   starts as small as the initial marking allows; when a firing would overflow a field, the store is
 *   re-encoded at the next width and the search resumes where it stopped.
 * - All markings live in one arena, appended in discovery order, so the BFS queue is the arena itself
 *   (the frontier is the index range `[head, count)`); no per-state objects exist.
 * - Membership is an open-addressing (linear probing) table of 32-bit entries over the arena: the low
 *   bits hold `index + 1` (0 = empty), the high bits a tag taken from the hash, so most mismatches
 *   never touch the arena. One word per slot keeps the table small: its cache and TLB misses are what
 *   the search mostly waits for.
 * - Firing adds a precomputed per-word delta to a copy of the parent's words (SWAR): token counts in
 *   a word change together without unpacking. Enabledness is only tested for transitions whose
 *   "watched" input place is marked, so nets with many transitions and few marked places stay cheap.
 */
import { MAX_PT_COUNT, type PtNet } from './pt-net.ts';

/** What a progress report carries: enough to show a live line and to estimate the rate. */
export type PtProgress = Readonly<{ states: number; edges: number; frontier: number; seconds: number }>;

/** Options of `explorePt`. Without `maxStates` the search runs until the state space is exhausted. */
export type PtExploreOptions = Readonly<{
  /** Stop (with `complete: false`) rather than store more than this many states. */
  maxStates?: number;
  /** Called at most every 250 ms during long runs (never for runs shorter than that). */
  onProgress?: (progress: PtProgress) => void;
  /** The clock for progress reports, in milliseconds; `performance.now` unless a test fakes it. */
  now?: () => number;
}>;

/**
 * The state-space figures, with the Model Checking Contest's definitions: `states` reachable markings,
 * `edges` one per enabled transition per marking, `deadlock` when some marking enables nothing,
 * `maxTokensInPlace` and `maxTokensPerMarking` over all stored markings. When `maxStates` stops the
 * search, the figures cover what was found: `states` stored markings, `edges` and `deadlock` over
 * the markings fully expanded before the stop.
 */
export type PtExploreResult = Readonly<
  {
    states: number;
    edges: number;
    deadlock: boolean;
    maxTokensInPlace: number;
    maxTokensPerMarking: number;
  } & ({ complete: true } | { complete: false; stoppedBy: 'max-states' })
>;

/** Raised for a bad option or a net whose token counts leave the 31-bit range we pack. */
export class PtExploreError extends Error {
  override readonly name = 'PtExploreError';
}

/** Type guard for `PtExploreError`. */
export const isPtExploreError = (error: unknown): error is PtExploreError => error instanceof PtExploreError;

/** Field widths we pack with: each is the widest that fits a given number of fields per 32-bit word. */
const WIDTHS: readonly number[] = [1, 2, 3, 4, 5, 6, 8, 10, 16, 31];

const PROGRESS_INTERVAL_MS = 250;
const MAX_LOAD = 0.7;
const REBUILD_BATCH = 64;
const HASH_SEED = 0x9747b28c;

/** The net as flat index arrays (CSR layout: `xStart[t]..xStart[t + 1]` indexes the arrays of `t`). */
type Compiled = Readonly<{
  places: number;
  initial: Int32Array;
  preStart: Int32Array;
  prePlace: Int32Array;
  preWeight: Int32Array;
  /** Places whose count a transition raises, and by how much (the overflow check). */
  incStart: Int32Array;
  incPlace: Int32Array;
  incAmount: Int32Array;
  /** Net change per place (non-zero only), used to build per-word deltas for a layout. */
  changeStart: Int32Array;
  changePlace: Int32Array;
  changeAmount: Int32Array;
  /** Net change of the total token count. */
  totalChange: Float64Array;
  /** The largest amount any transition adds to one place: below `mask - maxIncrease`, nothing overflows. */
  maxIncrease: number;
  /** Per place, the transitions that watch it (their input place with the largest weight). */
  watchStart: Int32Array;
  watch: Int32Array;
  /** Transitions without input places: enabled in every marking. */
  free: Int32Array;
}>;

/** How markings are packed for one field width. */
type Layout = Readonly<{
  bits: number;
  mask: number;
  words: number;
  perWord: number;
  /** Which field of a word a bit belongs to. */
  fieldOfBit: Int32Array;
  placeWord: Int32Array;
  placeShift: Int32Array;
  deltaStart: Int32Array;
  deltaWord: Int32Array;
  deltaValue: Int32Array;
}>;

/** The search's mutable state between (re-)encodings. */
type Search = {
  layout: Layout;
  arena: Uint32Array;
  count: number;
  head: number;
  table: Int32Array;
  edges: number;
  deadlock: boolean;
  maxTokensInPlace: number;
  maxTokensPerMarking: number;
  /** Where the prefetching loads of `run` land, so the compiler cannot drop them as unused. */
  touched: number;
};

type Stop = { kind: 'done' } | { kind: 'max-states' } | { kind: 'overflow'; place: number; needed: number };

const csr = (lists: readonly (readonly (readonly [number, number])[])[]) => {
  const start = new Int32Array(lists.length + 1);
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const first = new Int32Array(total);
  const second = new Int32Array(total);
  let at = 0;
  lists.forEach((list, index) => {
    start[index] = at;
    for (const [a, b] of list) {
      first[at] = a;
      second[at] = b;
      at++;
    }
  });
  start[lists.length] = at;
  return { start, first, second };
};

const compile = (net: PtNet): Compiled => {
  const places = net.places.length;
  const pre = csr(net.transitions.map((t) => t.pre));
  const changes = net.transitions.map((t) => {
    const change = new Map<number, number>();
    for (const [place, weight] of t.pre) change.set(place, (change.get(place) ?? 0) - weight);
    for (const [place, weight] of t.post) change.set(place, (change.get(place) ?? 0) + weight);
    return [...change].filter(([, amount]) => amount !== 0);
  });
  const change = csr(changes);
  const inc = csr(changes.map((list) => list.filter(([, amount]) => amount > 0)));
  const watchers: number[][] = Array.from({ length: places }, () => []);
  const free: number[] = [];
  net.transitions.forEach((t, index) => {
    const watched = t.pre.reduce<readonly [number, number] | undefined>(
      (best, arc) => (best === undefined || arc[1] > best[1] ? arc : best),
      undefined,
    );
    if (watched === undefined) free.push(index);
    else watchers[watched[0]]!.push(index);
  });
  const watch = csr(watchers.map((list) => list.map((t) => [t, 0] as const)));
  return {
    places,
    initial: Int32Array.from(net.places, (place) => place.initial),
    preStart: pre.start,
    prePlace: pre.first,
    preWeight: pre.second,
    incStart: inc.start,
    incPlace: inc.first,
    incAmount: inc.second,
    changeStart: change.start,
    changePlace: change.first,
    changeAmount: change.second,
    totalChange: Float64Array.from(changes, (list) => list.reduce((sum, [, amount]) => sum + amount, 0)),
    maxIncrease: inc.second.reduce((max, amount) => Math.max(max, amount), 0),
    watchStart: watch.start,
    watch: watch.first,
    free: Int32Array.from(free),
  };
};

/** The narrowest width, at least `atLeast` bits, whose fields hold `value`; undefined past 31 bits. */
const widthFor = (value: number, atLeast: number): number | undefined =>
  WIDTHS.find((width) => width >= atLeast && 2 ** width - 1 >= value);

const layoutFor = (net: Compiled, bits: number): Layout => {
  const perWord = Math.floor(32 / bits);
  const placeWord = Int32Array.from({ length: net.places }, (_, place) => Math.floor(place / perWord));
  const placeShift = Int32Array.from({ length: net.places }, (_, place) => (place % perWord) * bits);
  const transitions = net.changeStart.length - 1;
  const deltas: (readonly [number, number])[][] = [];
  for (let t = 0; t < transitions; t++) {
    const perWordDelta = new Map<number, number>();
    for (let k = net.changeStart[t]!; k < net.changeStart[t + 1]!; k++) {
      const place = net.changePlace[k]!;
      const word = placeWord[place]!;
      // Modular arithmetic is exact here: fields never leave [0, mask], so the word's integer value does not wrap.
      const shifted = Math.imul(net.changeAmount[k]!, 1 << placeShift[place]!);
      perWordDelta.set(word, ((perWordDelta.get(word) ?? 0) + shifted) | 0);
    }
    deltas.push([...perWordDelta].filter(([, delta]) => delta !== 0));
  }
  const delta = csr(deltas);
  return {
    bits,
    mask: 2 ** bits - 1,
    words: Math.max(1, Math.ceil(net.places / perWord)),
    perWord,
    fieldOfBit: Int32Array.from({ length: 32 }, (_, bit) => Math.floor(bit / bits)),
    placeWord,
    placeShift,
    deltaStart: delta.start,
    deltaWord: delta.first,
    deltaValue: delta.second,
  };
};

/** murmur3-style hash of `words` words at `at`, with a final avalanche so low bits index the table. */
const hashAt = (arena: Uint32Array, at: number, words: number): number => {
  let h = HASH_SEED;
  for (let i = 0; i < words; i++) {
    let k = Math.imul(arena[at + i]!, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
};

/**
 * A membership table (a power-of-two number of slots, at most `MAX_LOAD` full) for the first `count`
 * markings of the arena. With `slots - 1` as the index mask, a slot's entry is `index + 1` in the
 * mask's bits (it fits: fewer markings than slots) and the hash's bits above the mask as a tag.
 */
const indexArena = (arena: Uint32Array, count: number, words: number): Int32Array => {
  let slots = 1024;
  while (count >= slots * MAX_LOAD) slots *= 2;
  const table = new Int32Array(slots);
  const mask = slots - 1;
  // Batches of hashes whose slots are read ahead (into `ahead`, a store the compiler must keep) so
  // their cache misses overlap, as in the search loop.
  const hashes = new Int32Array(REBUILD_BATCH);
  const ahead = new Int32Array(REBUILD_BATCH);
  for (let start = 0; start < count; start += REBUILD_BATCH) {
    const end = Math.min(count, start + REBUILD_BATCH);
    for (let index = start; index < end; index++) hashes[index - start] = hashAt(arena, index * words, words);
    for (let i = 0; i < end - start; i++) ahead[i] = table[hashes[i]! & mask]!;
    for (let index = start; index < end; index++) {
      const h = hashes[index - start]!;
      let slot = h & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = (h & ~mask) | (index + 1);
    }
  }
  return table;
};

/** Copies the stored markings into a wider layout; their order (and so the BFS queue) is kept. */
const reencode = (search: Search, net: Compiled, wider: Layout): void => {
  const { layout, arena, count } = search;
  const next = new Uint32Array(Math.max(1024, count * 2) * wider.words);
  for (let index = 0; index < count; index++) {
    const from = index * layout.words;
    const to = index * wider.words;
    for (let place = 0; place < net.places; place++) {
      const value = (arena[from + layout.placeWord[place]!]! >>> layout.placeShift[place]!) & layout.mask;
      next[to + wider.placeWord[place]!] =
        next[to + wider.placeWord[place]!]! | (value << wider.placeShift[place]!);
    }
  }
  search.layout = wider;
  search.arena = next;
  search.table = indexArena(next, count, wider.words);
};

/**
 * Runs the breadth-first search from `search.head` until the frontier is empty, the state limit is
 * reached, or a field would overflow (the caller then widens the layout and calls again: the state
 * being expanded is redone, its already-stored successors are found again as duplicates).
 * Everything hot is a local typed array or number so V8 keeps it in registers.
 */
const run = (
  net: Compiled,
  search: Search,
  maxStates: number,
  progress: ((count: number, edges: number, head: number) => void) | undefined,
): Stop => {
  const layout = search.layout;
  const places = net.places;
  const {
    preStart,
    prePlace,
    preWeight,
    incStart,
    incPlace,
    incAmount,
    totalChange,
    maxIncrease,
    watchStart,
    watch,
    free,
  } = net;
  const { bits, mask, words, perWord, fieldOfBit, deltaStart, deltaWord, deltaValue } = layout;
  const current = new Int32Array(places);
  const marked = new Int32Array(places);
  let markedCount = 0;
  const enabled = new Int32Array(preStart.length);
  const hashes = new Int32Array(preStart.length);
  const scratch = new Uint32Array(preStart.length * words);
  let touched = search.touched;
  let { arena, table, count, head, edges, deadlock, maxTokensInPlace, maxTokensPerMarking } = search;
  let tableMask = table.length - 1;
  let growAt = Math.ceil(table.length * MAX_LOAD);
  let stop: Stop = { kind: 'done' };

  expand: while (head < count) {
    if (progress !== undefined && (head & 1023) === 0) progress(count, edges, head);
    const base = head * words;
    // Unpack only the marked places: jump from set bit to set bit, so a marking costs its marked
    // places, not all places (a safe net with hundreds of places marks a dozen).
    for (let m = 0; m < markedCount; m++) current[marked[m]!] = 0;
    markedCount = 0;
    let total = 0;
    let highest = 0;
    for (let w = 0; w < words; w++) {
      let word = arena[base + w]! | 0;
      while (word !== 0) {
        const field = fieldOfBit[31 - Math.clz32(word & -word)]!;
        const shift = field * bits;
        const value = (word >>> shift) & mask;
        const p = w * perWord + field;
        current[p] = value;
        marked[markedCount++] = p;
        total += value;
        if (value > highest) highest = value;
        word &= ~(mask << shift);
      }
    }
    // With this much headroom in every field no firing can overflow one: skip the per-arc checks.
    const mayOverflow = highest > mask - maxIncrease;
    let enabledCount = 0;
    for (let f = 0; f < free.length; f++) enabled[enabledCount++] = free[f]!;
    for (let m = 0; m < markedCount; m++) {
      const p = marked[m]!;
      for (let w = watchStart[p]!, wEnd = watchStart[p + 1]!; w < wEnd; w++) {
        const t = watch[w]!;
        let ok = true;
        for (let k = preStart[t]!, kEnd = preStart[t + 1]!; k < kEnd; k++) {
          if (current[prePlace[k]!]! < preWeight[k]!) {
            ok = false;
            break;
          }
        }
        if (ok) enabled[enabledCount++] = t;
      }
    }

    // Phase 1: build every successor in the scratch area with its hash.
    for (let e = 0; e < enabledCount; e++) {
      const t = enabled[e]!;
      if (mayOverflow) {
        for (let k = incStart[t]!, kEnd = incStart[t + 1]!; k < kEnd; k++) {
          const needed = current[incPlace[k]!]! + incAmount[k]!;
          if (needed > mask) {
            stop = { kind: 'overflow', place: incPlace[k]!, needed };
            break expand;
          }
        }
      }
      const candidate = e * words;
      for (let i = 0; i < words; i++) scratch[candidate + i] = arena[base + i]!;
      for (let k = deltaStart[t]!, kEnd = deltaStart[t + 1]!; k < kEnd; k++) {
        const at = candidate + deltaWord[k]!;
        scratch[at] = scratch[at]! + deltaValue[k]!;
      }
      hashes[e] = hashAt(scratch, candidate, words);
    }
    // Prefetch: touch each successor's table slot, then the marking a matching slot points at, in
    // tight loops of independent loads. The CPU overlaps their cache and TLB misses (a random read
    // in a table this size costs ~150 ns when it waits for the previous one, ~20 ns when it does
    // not); the probes of phase 2 then mostly hit the cache.
    for (let e = 0; e < enabledCount; e++) touched ^= table[hashes[e]! & tableMask]!;
    for (let e = 0; e < enabledCount; e++) {
      const entry = table[hashes[e]! & tableMask]!;
      if (entry !== 0 && ((entry ^ hashes[e]!) & ~tableMask) === 0) {
        touched ^= arena[((entry & tableMask) - 1) * words]!;
      }
    }

    // Phase 2: look each successor up; append the new ones to the arena (the BFS queue).
    for (let e = 0; e < enabledCount; e++) {
      const t = enabled[e]!;
      const h = hashes[e]!;
      const candidate = e * words;
      let slot = h & tableMask;
      for (;;) {
        const entry = table[slot]!;
        if (entry === 0) {
          if (count >= maxStates) {
            stop = { kind: 'max-states' };
            break expand;
          }
          const at = count * words;
          if (at + words > arena.length) {
            const grown = new Uint32Array(arena.length * 2);
            grown.set(arena);
            arena = grown;
          }
          for (let i = 0; i < words; i++) arena[at + i] = scratch[candidate + i]!;
          count++;
          table[slot] = (h & ~tableMask) | count;
          const tokens = total + totalChange[t]!;
          if (tokens > maxTokensPerMarking) maxTokensPerMarking = tokens;
          for (let k = incStart[t]!, kEnd = incStart[t + 1]!; k < kEnd; k++) {
            const value = current[incPlace[k]!]! + incAmount[k]!;
            if (value > maxTokensInPlace) maxTokensInPlace = value;
          }
          if (count >= growAt) {
            table = indexArena(arena, count, words);
            tableMask = table.length - 1;
            growAt = Math.ceil(table.length * MAX_LOAD);
          }
          break;
        }
        if (((entry ^ h) & ~tableMask) === 0) {
          const other = ((entry & tableMask) - 1) * words;
          let same = true;
          for (let i = 0; i < words; i++) {
            if (arena[other + i] !== scratch[candidate + i]) {
              same = false;
              break;
            }
          }
          if (same) break;
        }
        slot = (slot + 1) & tableMask;
      }
    }
    edges += enabledCount;
    if (enabledCount === 0) deadlock = true;
    head++;
  }

  Object.assign(search, {
    arena,
    table,
    count,
    head,
    edges,
    deadlock,
    maxTokensInPlace,
    maxTokensPerMarking,
    touched,
  });
  return stop;
};

const resolveMaxStates = (maxStates: number | undefined): number => {
  if (maxStates === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(maxStates) || maxStates < 1) {
    throw new PtExploreError(`maxStates must be a positive integer, got ${String(maxStates)}`);
  }
  return maxStates;
};

/**
 * Explores the reachable markings of `net` breadth-first and returns the state-space figures.
 * Deterministic: the same net gives the same figures (and the same discovery order) every run.
 */
export const explorePt = (net: PtNet, options: PtExploreOptions = {}): PtExploreResult => {
  const maxStates = resolveMaxStates(options.maxStates);
  const compiled = compile(net);
  const initialMax = compiled.initial.reduce((max, value) => Math.max(max, value), 0);
  const layout = layoutFor(compiled, widthFor(Math.max(1, initialMax), 1) ?? 31);
  const arena = new Uint32Array(1024 * layout.words);
  for (let place = 0; place < compiled.places; place++) {
    const at = layout.placeWord[place]!;
    arena[at] = arena[at]! | (compiled.initial[place]! << layout.placeShift[place]!);
  }
  const search: Search = {
    layout,
    arena,
    count: 1,
    head: 0,
    table: indexArena(arena, 1, layout.words),
    edges: 0,
    deadlock: false,
    maxTokensInPlace: initialMax,
    maxTokensPerMarking: compiled.initial.reduce((sum, value) => sum + value, 0),
    touched: 0,
  };

  const now = options.now ?? (() => performance.now());
  const started = now();
  const onProgress = options.onProgress;
  let lastReport = started;
  const progress =
    onProgress === undefined
      ? undefined
      : (count: number, edges: number, head: number): void => {
          const at = now();
          if (at - lastReport < PROGRESS_INTERVAL_MS) return;
          lastReport = at;
          onProgress({ states: count, edges, frontier: count - head, seconds: (at - started) / 1000 });
        };

  for (;;) {
    const stop = run(compiled, search, maxStates, progress);
    switch (stop.kind) {
      case 'overflow': {
        const bits = widthFor(stop.needed, search.layout.bits + 1);
        if (bits === undefined) {
          throw new PtExploreError(
            `place '${net.places[stop.place]?.id}' would hold ${stop.needed} tokens, more than ${MAX_PT_COUNT}`,
          );
        }
        reencode(search, compiled, layoutFor(compiled, bits));
        continue;
      }
      case 'done':
      case 'max-states': {
        const figures = {
          states: search.count,
          edges: search.edges,
          deadlock: search.deadlock,
          maxTokensInPlace: search.maxTokensInPlace,
          maxTokensPerMarking: search.maxTokensPerMarking,
        };
        return Object.freeze(
          stop.kind === 'done'
            ? { ...figures, complete: true as const }
            : { ...figures, complete: false as const, stoppedBy: 'max-states' as const },
        );
      }
      default: {
        const unreachable: never = stop;
        return unreachable;
      }
    }
  }
};
