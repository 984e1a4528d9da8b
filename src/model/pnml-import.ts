/**
 * Import of ISO/IEC 15909-2 PNML place/transition nets (`http://www.pnml.org/version-2009/grammar/ptnet`),
 * the format of the Model Checking Contest's nets.
 *
 * The file is read with a streaming XML parser (saxes) so every error can point at a line and column:
 * these files come from other tools and people, and "invalid net" without a position is useless on a
 * half-megabyte file. Pages are flattened, reference places and transitions are resolved to the node
 * they stand for, parallel arcs between the same two nodes are merged into one weight, and graphics
 * and tool-specific data are skipped. Anything else that does not fit the P/T grammar is an error that
 * names the element and what was expected, never silently dropped.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { definePtNet, type PtArc, type PtNet } from './pt-net.ts';

/** The PNML net type we import. */
export const PTNET_TYPE = 'http://www.pnml.org/version-2009/grammar/ptnet';

const COLOURED_TYPES: ReadonlySet<string> = new Set([
  'http://www.pnml.org/version-2009/grammar/symmetricnet',
  'http://www.pnml.org/version-2009/grammar/highlevelnet',
]);

/**
 * A PNML file that cannot be imported. `line` and `column` (both 1-based) locate the element or the
 * XML error when known; the message always names the source, the element and what was expected.
 */
export class PnmlError extends Error {
  override readonly name = 'PnmlError';
  readonly source: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(source: string, position: Position | undefined, message: string) {
    super(`${source}${position === undefined ? '' : `:${position.line}:${position.column}`}: ${message}`);
    this.source = source;
    this.line = position?.line;
    this.column = position?.column;
  }
}

/** Type guard for `PnmlError`. */
export const isPnmlError = (error: unknown): error is PnmlError => error instanceof PnmlError;

type Position = Readonly<{ line: number; column: number }>;

/** One open element: its tag, id and where it starts, plus what its children told it. */
type Frame = {
  readonly tag: string;
  readonly id: string | undefined;
  readonly at: Position;
  readonly attributes: Readonly<Record<string, string>>;
  /** Content of a `<text>` child (for name, initialMarking, inscription), with its position. */
  text?: { readonly value: string; readonly at: Position };
  /** Value of a `<name>` child. */
  label?: string;
  /** Initial marking of a place or weight of an arc. */
  count?: number;
};

type NodeKind = 'place' | 'transition' | 'referencePlace' | 'referenceTransition';

type NodeRecord = Readonly<{ kind: NodeKind; id: string; at: Position; ref: string | undefined }>;

type ArcRecord = Readonly<{ id: string; at: Position; source: string; target: string; weight: number }>;

/** Children each element may have; graphics and toolspecific are allowed (and skipped) everywhere. */
const CHILDREN: Readonly<Record<string, readonly string[]>> = {
  net: ['page', 'name'],
  page: ['page', 'place', 'transition', 'arc', 'referencePlace', 'referenceTransition', 'name'],
  place: ['name', 'initialMarking'],
  transition: ['name'],
  referencePlace: ['name'],
  referenceTransition: ['name'],
  arc: ['inscription'],
  name: ['text'],
  initialMarking: ['text'],
  inscription: ['text'],
  text: [],
};

const SKIPPED: ReadonlySet<string> = new Set(['graphics', 'toolspecific']);

const describe = (tag: string, id: string | undefined): string =>
  id === undefined ? `<${tag}>` : `<${tag} id="${id}">`;

const parseCount = (raw: string, min: number): number | undefined => {
  const trimmed = raw.trim();
  if (!/^[0-9]+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= min && value <= 0x7fff_ffff ? value : undefined;
};

/**
 * Parses a PNML document holding one P/T net. `source` names the file in error messages.
 * Throws `PnmlError` for anything that is not well-formed XML or not a P/T net.
 */
export const parsePnml = (xml: string, source: string): PtNet => {
  const parser = new SaxesParser({ xmlns: false, position: true } as const);
  function fail(at: Position | undefined, message: string): never {
    throw new PnmlError(source, at, message);
  }

  const stack: Frame[] = [];
  let skipDepth = 0;
  let tagStart: Position = { line: 1, column: 1 };
  let sawRoot = false;
  let net: { id: string; at: Position; label?: string } | undefined;
  const nodes = new Map<string, NodeRecord>();
  const placeOrder: { id: string; name: string; initial: number }[] = [];
  const transitionOrder: { id: string; name: string }[] = [];
  const arcs: ArcRecord[] = [];
  const ids = new Map<string, Position>();

  const claimId = (frame: Frame): string => {
    const id = frame.id;
    if (id === undefined || id.length === 0) {
      return fail(frame.at, `${describe(frame.tag, id)} has no id; expected an id attribute`);
    }
    const previous = ids.get(id);
    if (previous !== undefined) {
      return fail(
        frame.at,
        `${describe(frame.tag, id)} reuses the id first declared at line ${previous.line}:${previous.column}; ` +
          'expected ids unique in the document',
      );
    }
    ids.set(id, frame.at);
    return id;
  };

  let lines: readonly string[] | undefined;
  parser.on('opentagstart', (tag) => {
    // The parser has read "<name" and the character that ends the name; the element starts at "<".
    if (parser.column > 0) {
      tagStart = { line: parser.line, column: parser.column - tag.name.length - 1 };
    } else {
      // The name ended with a line break: count back from the end of the previous line.
      lines ??= xml.split('\n');
      const previous = (lines[parser.line - 2] ?? '').replace(/\r$/, '');
      tagStart = { line: parser.line - 1, column: Array.from(previous).length - tag.name.length };
    }
  });

  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (skipDepth > 0 || SKIPPED.has(tag.name)) {
      if (stack.length === 0) fail(tagStart, `<${tag.name}> as the root element; expected <pnml>`);
      skipDepth++;
      return;
    }
    const id = tag.attributes.id;
    const frame: Frame = { tag: tag.name, id: id, at: tagStart, attributes: tag.attributes };
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      if (sawRoot || tag.name !== 'pnml')
        fail(tagStart, `<${tag.name}> as the root element; expected <pnml>`);
      sawRoot = true;
    } else if (parent.tag === 'pnml') {
      if (tag.name !== 'net') fail(tagStart, `unexpected <${tag.name}> in <pnml>; expected <net>`);
      openNet(frame);
    } else {
      const allowed = CHILDREN[parent.tag] ?? [];
      if (!allowed.includes(tag.name)) {
        const expected =
          allowed.length === 0 ? 'text content only' : allowed.map((name) => `<${name}>`).join(', ');
        fail(
          tagStart,
          `unexpected <${tag.name}> in ${describe(parent.tag, parent.id)}; expected ${expected} ` +
            '(or graphics/toolspecific)',
        );
      }
      if (
        tag.name !== 'name' &&
        tag.name !== 'text' &&
        tag.name !== 'initialMarking' &&
        tag.name !== 'inscription'
      ) {
        claimId(frame);
      }
    }
    stack.push(frame);
  });

  const openNet = (frame: Frame): void => {
    if (net !== undefined) {
      fail(frame.at, `second ${describe('net', frame.id)}; expected exactly one <net> per file`);
    }
    const type = frame.attributes.type;
    if (type !== PTNET_TYPE) {
      if (type !== undefined && COLOURED_TYPES.has(type)) {
        const kind = type.slice(type.lastIndexOf('/') + 1);
        fail(
          frame.at,
          `${describe('net', frame.id)} is a coloured (${kind}) net: coloured (${kind}) PNML is not supported; ` +
            'use the PT instance',
        );
      }
      fail(
        frame.at,
        `${describe('net', frame.id)} has type ${type === undefined ? '(none)' : `"${type}"`}; expected "${PTNET_TYPE}"`,
      );
    }
    net = { id: claimId(frame), at: frame.at };
  };

  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (skipDepth > 0 || top === undefined) return;
    if (top.tag === 'text') {
      top.text = { value: (top.text?.value ?? '') + text, at: top.text?.at ?? top.at };
    } else if (text.trim().length > 0) {
      fail(
        { line: parser.line, column: parser.column },
        `unexpected text "${text.trim().slice(0, 40)}" in ${describe(top.tag, top.id)}; expected elements only`,
      );
    }
  });

  parser.on('cdata', (cdata) => {
    const top = stack[stack.length - 1];
    if (skipDepth === 0 && top?.tag === 'text') {
      top.text = { value: (top.text?.value ?? '') + cdata, at: top.text?.at ?? top.at };
    }
  });

  parser.on('closetag', () => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    const frame = stack.pop();
    const parent = stack[stack.length - 1];
    if (frame === undefined) return;
    closeElement(frame, parent);
  });

  const closeElement = (frame: Frame, parent: Frame | undefined): void => {
    switch (frame.tag) {
      case 'text':
        if (parent !== undefined) parent.text = frame.text ?? { value: '', at: frame.at };
        return;
      case 'name':
        {
          const label = (frame.text?.value ?? '').trim();
          if (parent !== undefined) parent.label = label;
          if (parent?.tag === 'net' && net !== undefined) net.label = label;
        }
        return;
      case 'initialMarking':
      case 'inscription': {
        const owner = parent ?? frame;
        const isMarking = frame.tag === 'initialMarking';
        const text = frame.text;
        if (text === undefined) {
          fail(
            frame.at,
            `<${frame.tag}> of ${describe(owner.tag, owner.id)} has no <text>; expected <text>n</text>`,
          );
          return;
        }
        const value = parseCount(text.value, isMarking ? 0 : 1);
        if (value === undefined) {
          fail(
            text.at,
            `${describe(owner.tag, owner.id)} has ${isMarking ? 'initial marking' : 'inscription'} ` +
              `"${text.value.trim()}"; expected ${isMarking ? 'a non-negative' : 'a positive'} integer ` +
              `(at most ${0x7fff_ffff})`,
          );
        }
        owner.count = value;
        return;
      }
      case 'place':
      case 'transition':
      case 'referencePlace':
      case 'referenceTransition':
        closeNode(frame);
        return;
      case 'arc':
        closeArc(frame);
        return;
      default:
        return;
    }
  };

  const closeNode = (frame: Frame): void => {
    const id = frame.id ?? '';
    const kind = frame.tag as NodeKind;
    let ref: string | undefined;
    if (kind === 'referencePlace' || kind === 'referenceTransition') {
      ref = frame.attributes.ref;
      if (ref === undefined || ref.length === 0) {
        fail(
          frame.at,
          `${describe(kind, id)} has no ref attribute; expected ref="<id of the node it stands for>"`,
        );
      }
    }
    nodes.set(id, { kind, id, at: frame.at, ref });
    const name = frame.label !== undefined && frame.label.length > 0 ? frame.label : id;
    if (kind === 'place') placeOrder.push({ id, name, initial: frame.count ?? 0 });
    if (kind === 'transition') transitionOrder.push({ id, name });
  };

  const closeArc = (frame: Frame): void => {
    const id = frame.id ?? '';
    const { source: arcSource, target } = frame.attributes;
    if (arcSource === undefined || target === undefined) {
      fail(
        frame.at,
        `${describe('arc', id)} lacks a ${arcSource === undefined ? 'source' : 'target'} attribute`,
      );
    }
    arcs.push({ id, at: frame.at, source: arcSource ?? '', target: target ?? '', weight: frame.count ?? 1 });
  };

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof PnmlError) throw error;
    const message = error instanceof Error ? error.message.replace(/^\d+:\d+: /, '') : String(error);
    throw new PnmlError(
      source,
      { line: parser.line, column: parser.column + 1 },
      `not well-formed XML: ${message}`,
    );
  }

  if (net === undefined) {
    return fail(undefined, `no <net> element; expected <pnml><net type="${PTNET_TYPE}">`);
  }

  /** Follows reference nodes to the place or transition they stand for. */
  const resolve = (id: string, arc: ArcRecord, end: 'source' | 'target'): NodeRecord => {
    let node = nodes.get(id);
    const seen = new Set<string>();
    while (node?.ref !== undefined) {
      if (seen.has(node.id)) {
        return fail(
          node.at,
          `${describe(node.kind, node.id)} is part of a reference cycle; expected a chain ending in a node`,
        );
      }
      seen.add(node.id);
      const target: NodeRecord | undefined = nodes.get(node.ref);
      const wanted = node.kind === 'referencePlace' ? 'place' : 'transition';
      if (target === undefined || (target.kind !== wanted && target.kind !== node.kind)) {
        return fail(
          node.at,
          `${describe(node.kind, node.id)} refers to "${node.ref}", which is no ${wanted} of the net; expected the id of a ${wanted}`,
        );
      }
      node = target;
    }
    if (node === undefined) {
      return fail(
        arc.at,
        `${describe('arc', arc.id)} has ${end} "${id}", which is no place or transition of the net`,
      );
    }
    return node;
  };

  const placeIndex = new Map(placeOrder.map((place, index) => [place.id, index]));
  const transitionIndex = new Map(transitionOrder.map((transition, index) => [transition.id, index]));
  const pre = transitionOrder.map(() => new Map<number, number>());
  const post = transitionOrder.map(() => new Map<number, number>());
  for (const arc of arcs) {
    const from = resolve(arc.source, arc, 'source');
    const to = resolve(arc.target, arc, 'target');
    if (from.kind === to.kind) {
      fail(
        arc.at,
        `${describe('arc', arc.id)} connects ${from.kind} "${from.id}" to ${to.kind} "${to.id}"; ` +
          'expected an arc between a place and a transition',
      );
    }
    const [placeId, transitionId, side] =
      from.kind === 'place' ? [from.id, to.id, pre] : ([to.id, from.id, post] as const);
    const place = placeIndex.get(placeId) ?? 0;
    const arcsOf = side[transitionIndex.get(transitionId) ?? 0]!;
    arcsOf.set(place, (arcsOf.get(place) ?? 0) + arc.weight);
  }

  const toArcs = (map: ReadonlyMap<number, number>): PtArc[] =>
    [...map].map(([place, weight]) => [place, weight]);
  try {
    return definePtNet({
      name: net.label !== undefined && net.label.length > 0 ? net.label : net.id,
      places: placeOrder,
      transitions: transitionOrder.map((transition, index) => ({
        ...transition,
        pre: toArcs(pre[index]!),
        post: toArcs(post[index]!),
      })),
    });
  } catch (error) {
    throw new PnmlError(source, net.at, error instanceof Error ? error.message : String(error));
  }
};
