/**
 * Maps a document path to a line and column in the YAML source, so every problem found on the
 * plain JavaScript value can still point at the text the author wrote.
 */
import { type Document, isAlias, isMap, isNode, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { DocumentPath, PathProblem } from './problem.ts';

/** A 1-based place in the source. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Whether a problem is about a map key (an unknown or misspelt key: point at the key) or about a
 * value (point at the value, or, when the value is missing, at the map that should hold it).
 */
export type PositionTarget = PathProblem['target'];

const keyText = (key: unknown): string | undefined =>
  isScalar(key) ? String(key.value) : isNode(key) ? undefined : String(key);

/** Finds where `path` is written; falls back to the deepest part of the path that exists. */
export function positionOf(
  doc: Document,
  lines: LineCounter,
  path: DocumentPath,
  target: PositionTarget,
): SourcePosition {
  const at = (node: Node | null | undefined, fallback: SourcePosition): SourcePosition => {
    const offset = node?.range?.[0];
    if (offset === undefined) return fallback;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const start: SourcePosition = { line: 1, column: 1 };
  let node: unknown = doc.contents;
  let here = at(doc.contents, start);
  for (const [depth, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    const last = depth === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (pair === undefined) return here;
      const keyPosition = at(isNode(pair.key) ? pair.key : null, here);
      if (last && target === 'key') return keyPosition;
      node = pair.value;
      here = isNode(node) && !isEmptyScalar(node) ? at(node, keyPosition) : keyPosition;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item)) return here;
      node = item;
      here = at(item, here);
    } else {
      return here;
    }
  }
  return here;
}

/** `key:` with nothing after it: an empty range, which YAML places wherever the value would start. */
const isEmptyScalar = (node: Node): boolean => node.range != null && node.range[0] === node.range[1];
