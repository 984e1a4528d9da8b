/**
 * Test helper: reads what a vega SVG drew. Vega writes each mark of a spec as a group
 * `<g class="mark-TYPE role-mark NAME_marks">` whose children are its items (one per bar, point,
 * rule or text; one per line series, each in its own group), and every label as `<text>`.
 */

const TAG = /<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** For every group of mark `name` (the layer's `name` in the spec), its items' tags in order. */
export function markGroups(svg: string, name: string): string[][] {
  const groups: string[][] = [];
  const cls = new RegExp(`class="mark-[a-z]+ role-mark ${name}_marks"`);
  let depth = 0;
  let inside: { depth: number; items: string[] } | undefined;
  for (const m of svg.matchAll(TAG)) {
    const [, closing, tag, attrs, selfClosing] = m;
    if (closing) {
      if (inside && depth === inside.depth) {
        groups.push(inside.items);
        inside = undefined;
      }
      depth -= 1;
      continue;
    }
    if (inside && depth === inside.depth) inside.items.push(`<${tag}${attrs}>`);
    if (!selfClosing) {
      depth += 1;
      if (!inside && tag === 'g' && cls.test(attrs ?? '')) inside = { depth, items: [] };
    }
  }
  return groups;
}

/** Number of items of mark `name`, over all its groups. */
export const markCount = (svg: string, name: string): number =>
  markGroups(svg, name).reduce((n, items) => n + items.length, 0);

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** Text of every `<text>` element in document order (tspans of one element joined by a space). */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    decode(
      (m[1] ?? '')
        .replace(/<\/tspan>\s*<tspan[^>]*>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .trim(),
    ),
  );
}

/** The value of attribute `name` on each of `items` (as returned by `markGroups`). */
export const attributeOf = (items: readonly string[], name: string): (string | undefined)[] =>
  items.map((t) => new RegExp(`\\s${name}="([^"]*)"`).exec(t)?.[1]);
