import { describe, expect, it } from 'vitest';
import { isPnmlError, PnmlError, PTNET_TYPE, parsePnml } from '../../src/model/pnml-import.ts';

const SYMMETRIC = 'http://www.pnml.org/version-2009/grammar/symmetricnet';

/** A one-net document whose page body starts at line 4, column 1 (error positions depend on it). */
const doc = (body: string, type = PTNET_TYPE): string =>
  '<?xml version="1.0"?>\n' +
  '<pnml xmlns="http://www.pnml.org/version-2009/grammar/pnml">\n' +
  `<net id="n" type="${type}"><page id="pg">\n${body}\n</page></net>\n</pnml>\n`;

const errorOf = (xml: string): PnmlError => {
  try {
    parsePnml(xml, 'bad.pnml');
  } catch (error) {
    if (isPnmlError(error)) return error;
    throw error;
  }
  throw new Error('expected a PnmlError, the document was accepted');
};

describe('parsePnml reads ISO/IEC 15909-2 P/T nets', () => {
  it('flattens nested pages, resolves references, merges parallel arcs and skips graphics and tool data', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<pnml xmlns="http://www.pnml.org/version-2009/grammar/pnml">
  <net id="net-1" type="${PTNET_TYPE}">
    <name><text> Producer &amp; consumer </text></name>
    <page id="top">
      <name><text>not the net's name</text></name>
      <place id="buffer">
        <name><graphics><offset x="1" y="2"/></graphics><text>Buffer</text></name>
        <graphics><position x="10" y="10"/></graphics>
        <initialMarking><text> 2 </text></initialMarking>
      </place>
      <transition id="produce"/>
      <arc id="a1" source="produce" target="buffer"/>
      <page id="inner">
        <place id="done"/>
        <referencePlace id="buffer-ref" ref="buffer"/>
        <referenceTransition id="consume-ref" ref="consume"/>
        <transition id="consume"><name><text>Consume</text></name></transition>
        <arc id="a2" source="buffer-ref" target="consume">
          <inscription><text>2</text></inscription>
        </arc>
        <arc id="a3" source="consume-ref" target="done"><inscription><text>3</text></inscription></arc>
        <arc id="a4" source="buffer" target="consume-ref"/>
        <toolspecific tool="nupn" version="1.1"><size places="9"/><place id="buffer"/></toolspecific>
      </page>
    </page>
  </net>
</pnml>`;
    expect(parsePnml(xml, 'good.pnml')).toEqual({
      name: 'Producer & consumer',
      places: [
        { id: 'buffer', name: 'Buffer', initial: 2 },
        { id: 'done', name: 'done', initial: 0 },
      ],
      transitions: [
        { id: 'produce', name: 'produce', pre: [], post: [[0, 1]] },
        { id: 'consume', name: 'Consume', pre: [[0, 3]], post: [[1, 3]] },
      ],
    });
  });

  it('names the net after its id when it has no name, and returns frozen data', () => {
    const net = parsePnml(doc('<place id="p"/>'), 'x.pnml');
    expect(net.name).toBe('n');
    expect(Object.isFrozen(net) && Object.isFrozen(net.places) && Object.isFrozen(net.places[0])).toBe(true);
  });
});

/** [what is wrong, document, substrings the message must contain]. Positions are line:column, 1-based. */
const MALFORMED: readonly (readonly [string, string, readonly string[]])[] = [
  ['not XML at all', 'this is not xml', ['bad.pnml:1:', 'not well-formed XML']],
  ['an empty file', '', ['bad.pnml:', 'not well-formed XML']],
  [
    'an unclosed element',
    doc('<place id="p1">'),
    ['bad.pnml:5:8:', 'not well-formed XML: unexpected close tag'],
  ],
  ['the wrong root', '<petrinet/>', ['bad.pnml:1:1:', '<petrinet> as the root element; expected <pnml>']],
  ['no net', '<pnml></pnml>', ['bad.pnml: no <net> element; expected <pnml><net type="', PTNET_TYPE]],
  [
    'a coloured (symmetric) net',
    doc('<place id="p1"/>', SYMMETRIC),
    ['bad.pnml:3:1:', '<net id="n">', 'coloured (symmetricnet) PNML is not supported; use the PT instance'],
  ],
  [
    'a net without a type',
    '<pnml><net id="n"><page id="pg"/></net></pnml>',
    [
      'bad.pnml:1:7:',
      '<net id="n"> has type (none); expected "http://www.pnml.org/version-2009/grammar/ptnet"',
    ],
  ],
  [
    'two nets',
    `<pnml><net id="a" type="${PTNET_TYPE}"/>\n<net id="b" type="${PTNET_TYPE}"/></pnml>`,
    ['bad.pnml:2:1:', 'second <net id="b">; expected exactly one <net> per file'],
  ],
  [
    'an arc to an unknown node',
    doc('<place id="p1"/><transition id="t1"/>\n<arc id="a1" source="p1" target="ghost"/>'),
    ['bad.pnml:5:1:', '<arc id="a1"> has target "ghost", which is no place or transition of the net'],
  ],
  [
    'a place-to-place arc',
    doc('<place id="p1"/><place id="p2"/><arc id="a1" source="p1" target="p2"/>'),
    [
      'bad.pnml:4:33:',
      '<arc id="a1"> connects place "p1" to place "p2"; expected an arc between a place and a transition',
    ],
  ],
  [
    'a transition-to-transition arc through a reference',
    doc('<transition id="t1"/><referenceTransition id="r" ref="t1"/><arc id="a1" source="r" target="t1"/>'),
    ['<arc id="a1"> connects transition "t1" to transition "t1"'],
  ],
  [
    'a zero weight',
    doc(
      '<place id="p1"/><transition id="t1"/>\n<arc id="a1" source="p1" target="t1"><inscription><text>0</text></inscription></arc>',
    ),
    ['bad.pnml:5:51:', '<arc id="a1"> has inscription "0"; expected a positive integer'],
  ],
  [
    'a non-numeric weight',
    doc(
      '<place id="p1"/><transition id="t1"/><arc id="a1" source="p1" target="t1"><inscription><text>2.5</text></inscription></arc>',
    ),
    ['bad.pnml:4:', '<arc id="a1"> has inscription "2.5"; expected a positive integer'],
  ],
  [
    'a weight past 2^31 - 1',
    doc(
      '<place id="p1"/><transition id="t1"/><arc id="a1" source="p1" target="t1"><inscription><text>99999999999</text></inscription></arc>',
    ),
    ['<arc id="a1"> has inscription "99999999999"; expected a positive integer (at most 2147483647)'],
  ],
  [
    'parallel arcs whose weights sum past 2^31 - 1',
    doc(
      '<place id="p1"/><transition id="t1"/>' +
        '<arc id="a1" source="p1" target="t1"><inscription><text>2147483647</text></inscription></arc>' +
        '<arc id="a2" source="p1" target="t1"/>',
    ),
    [
      'bad.pnml:3:1:',
      "weight of transition 't1' pre arc on place index 0 must be an integer in [1, 2147483647]",
    ],
  ],
  [
    'a negative initial marking',
    doc('<place id="p1"><initialMarking><text>-1</text></initialMarking></place>'),
    ['bad.pnml:4:32:', '<place id="p1"> has initial marking "-1"; expected a non-negative integer'],
  ],
  [
    'an inscription without text',
    doc('<place id="p1"/><transition id="t1"/><arc id="a1" source="p1" target="t1"><inscription/></arc>'),
    ['<inscription> of <arc id="a1"> has no <text>; expected <text>n</text>'],
  ],
  [
    'a duplicate id',
    doc('<place id="p1"/>\n  <transition id="p1"/>'),
    ['bad.pnml:5:3:', '<transition id="p1"> reuses the id first declared at line 4:1; expected ids unique'],
  ],
  ['a place without id', doc('<place/>'), ['bad.pnml:4:1:', '<place> has no id; expected an id attribute']],
  [
    'an arc without target',
    doc('<place id="p1"/><arc id="a1" source="p1"/>'),
    ['bad.pnml:4:17:', '<arc id="a1"> lacks a target attribute'],
  ],
  [
    'an unknown element in a place',
    doc('<place id="p1"><capacity><text>3</text></capacity></place>'),
    ['bad.pnml:4:16:', 'unexpected <capacity> in <place id="p1">; expected <name>, <initialMarking>'],
  ],
  [
    'a place directly under the net',
    `<pnml><net id="n" type="${PTNET_TYPE}"><place id="p1"/></net></pnml>`,
    ['bad.pnml:1:', 'unexpected <place> in <net id="n">; expected <page>, <name>'],
  ],
  [
    'stray text in a place',
    doc('<place id="p1">five</place>'),
    ['unexpected text "five" in <place id="p1">; expected elements only'],
  ],
  [
    'a reference to nothing',
    doc('<transition id="t1"/><referencePlace id="r1" ref="nope"/><arc id="a1" source="r1" target="t1"/>'),
    ['bad.pnml:4:22:', '<referencePlace id="r1"> refers to "nope", which is no place of the net'],
  ],
  [
    'a reference place standing for a transition',
    doc('<transition id="t1"/><referencePlace id="r1" ref="t1"/><arc id="a1" source="r1" target="t1"/>'),
    ['<referencePlace id="r1"> refers to "t1", which is no place of the net; expected the id of a place'],
  ],
  [
    'a reference cycle',
    doc(
      '<transition id="t1"/><referencePlace id="r1" ref="r2"/><referencePlace id="r2" ref="r1"/>' +
        '<arc id="a1" source="r1" target="t1"/>',
    ),
    ['is part of a reference cycle'],
  ],
  [
    'a reference without ref',
    doc('<referencePlace id="r1"/>'),
    ['bad.pnml:4:1:', '<referencePlace id="r1"> has no ref attribute'],
  ],
];

describe('parsePnml rejects malformed or unsupported PNML with the element, position and expectation', () => {
  it.each(MALFORMED)('%s', (_what, xml, fragments) => {
    const error = errorOf(xml);
    expect(error).toBeInstanceOf(PnmlError);
    expect(error.source).toBe('bad.pnml');
    for (const fragment of fragments) expect(error.message).toContain(fragment);
  });

  it('exposes the position as numbers', () => {
    const error = errorOf(doc('<place id="p1"/>\n  <place id="p1"/>'));
    expect([error.line, error.column]).toEqual([5, 3]);
  });
});
