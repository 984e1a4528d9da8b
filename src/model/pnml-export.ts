/**
 * Export of P/T nets as ISO/IEC 15909-2 PNML, so our nets open in other Petri-net tools and can be
 * checked by them. The output re-imports (`parsePnml`) to the same net: same place and transition
 * ids, names, order, initial marking and weights.
 */
import { PTNET_TYPE } from './pnml-import.ts';
import type { PtArc, PtNet } from './pt-net.ts';

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => {
    switch (char) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });

/** Returns a generator of ids `${prefix}N` that collide with none of `taken` (nor with each other). */
const freshIds = (taken: ReadonlySet<string>, prefix: string): (() => string) => {
  let next = 0;
  return () => {
    while (taken.has(`${prefix}${next}`)) next++;
    return `${prefix}${next++}`;
  };
};

const label = (tag: string, text: string, indent: string): string =>
  `${indent}<${tag}><text>${escapeXml(text)}</text></${tag}>\n`;

/**
 * Writes `net` as a PNML document with one net and one page. Names are always written (so a name
 * that differs from its id survives); arcs get fresh ids that collide with no place or transition.
 */
export const toPnml = (net: PtNet): string => {
  const taken = new Set([...net.places.map((place) => place.id), ...net.transitions.map((t) => t.id)]);
  const nextArcId = freshIds(taken, 'a');
  const [pageId, netId] = [freshIds(taken, 'page')(), freshIds(taken, 'net')()];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<pnml xmlns="http://www.pnml.org/version-2009/grammar/pnml">\n',
    `  <net id="${netId}" type="${PTNET_TYPE}">\n`,
    label('name', net.name, '    '),
    `    <page id="${pageId}">\n`,
  ];
  for (const place of net.places) {
    out.push(`      <place id="${escapeXml(place.id)}">\n`, label('name', place.name, '        '));
    if (place.initial > 0) out.push(label('initialMarking', String(place.initial), '        '));
    out.push('      </place>\n');
  }
  for (const transition of net.transitions) {
    out.push(
      `      <transition id="${escapeXml(transition.id)}">\n`,
      label('name', transition.name, '        '),
      '      </transition>\n',
    );
  }
  const arc = (source: string, target: string, [, weight]: PtArc): string =>
    `      <arc id="${nextArcId()}" source="${escapeXml(source)}" target="${escapeXml(target)}">\n` +
    `${label('inscription', String(weight), '        ')}      </arc>\n`;
  for (const transition of net.transitions) {
    for (const input of transition.pre) out.push(arc(net.places[input[0]]!.id, transition.id, input));
    for (const output of transition.post) out.push(arc(transition.id, net.places[output[0]]!.id, output));
  }
  out.push('    </page>\n', '  </net>\n', '</pnml>\n');
  return out.join('');
};
