/**
 * The guard on every SVG the page embeds. Charts are rendered by vega from data other processes
 * wrote; vega escapes text, and this check makes sure of it at the one place markup from
 * elsewhere enters the page. It reads the SVG's tags and their attribute names (not the text or
 * the attribute values, where escaped hostile text may legitimately appear) and refuses a script,
 * embedded HTML, an event handler, a link out of the SVG, or any `<!…>` declaration; the page then
 * says so instead of embedding it.
 */

/** The SVG ready to embed, or why it may not be. */
export type InlineSvg =
  | { readonly kind: 'svg'; readonly svg: string }
  | { readonly kind: 'refused'; readonly problem: string };

/** One tag: `<`, an optional `/`, a name, then attributes with quoted or bare values. */
const TAG = /<(\/?)([^\s/>]+)((?:\s*[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed']);

function tagProblem(name: string, attributes: string): string | undefined {
  if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) return `a ${name} element`;
  for (const [, attribute = '', quoted = ''] of attributes.matchAll(ATTRIBUTE)) {
    const lower = attribute.toLowerCase();
    if (lower.startsWith('on')) return 'an event handler attribute';
    const value = quoted.replace(/^["']|["']$/g, '').trim();
    if ((lower === 'href' || lower === 'xlink:href') && !value.startsWith('#')) return 'a link';
  }
  return undefined;
}

/** Checks that `svg` is one `<svg>` element with nothing active in it; an XML prolog is dropped. */
export function inlineSvg(svg: string): InlineSvg {
  const body = svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').trim();
  if (!body.startsWith('<svg') || !body.endsWith('</svg>')) {
    return { kind: 'refused', problem: 'not a single <svg> element' };
  }
  if (body.includes('<!') || body.includes('<?')) {
    return { kind: 'refused', problem: 'the SVG contains a declaration or processing instruction' };
  }
  // Every `<` must open a well-formed tag: text with a raw `<` would be read as markup.
  let tags = 0;
  let depth = 0;
  for (const match of body.matchAll(TAG)) {
    const [tag, closing, name = '', attributes = '', selfClosing] = match;
    tags += 1;
    const problem = closing === '/' ? undefined : tagProblem(name, attributes);
    if (problem !== undefined) return { kind: 'refused', problem: `the SVG contains ${problem}` };
    if (closing === '/') depth -= 1;
    else if (selfClosing !== '/') depth += 1;
    if (depth <= 0 && match.index + tag.length < body.length) {
      return { kind: 'refused', problem: 'not a single <svg> element' };
    }
  }
  if (tags !== (body.match(/</g) ?? []).length) {
    return { kind: 'refused', problem: 'the SVG contains a "<" that does not open a tag' };
  }
  if (depth !== 0) return { kind: 'refused', problem: 'the SVG’s tags do not balance' };
  return { kind: 'svg', svg: body };
}
