/**
 * Test helper: what markup a page holds, read with a tag scanner (the page is ours and regular,
 * so a scanner is enough to tell which elements and attributes it contains).
 */

/** Every start tag as [name, attributes text], in document order. */
export function startTags(page: string): [string, string][] {
  return [...page.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)].map((m) => [
    m[1]!.toLowerCase(),
    m[2] ?? '',
  ]);
}

/** The elements a report page may contain: its own HTML and what vega draws in SVG. */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  ...['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'nav', 'main', 'section', 'footer'],
  ...['h1', 'h2', 'h3', 'h4', 'p', 'a', 'button', 'div', 'span', 'strong', 'code', 'pre', 'article'],
  ...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'ul', 'ol', 'li', 'dl', 'dt', 'dd'],
  ...['figure', 'script'],
  ...['svg', 'g', 'path', 'rect', 'line', 'text', 'tspan', 'circle', 'defs', 'clippath', 'title'],
]);

/** The elements of `page` that are not allowed, and attributes that run code or load something. */
export function unsafeMarkup(page: string): string[] {
  const found: string[] = [];
  for (const [name, attributes] of startTags(page)) {
    if (!ALLOWED_ELEMENTS.has(name)) found.push(`<${name}>`);
    for (const m of attributes.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g)) {
      const attribute = m[1]!.toLowerCase();
      if (attribute.startsWith('on') || attribute === 'src' || attribute === 'srcdoc') {
        found.push(`<${name} ${attribute}>`);
      }
    }
  }
  return found;
}

/**
 * Text of the page as a reader sees it: tags removed (inline ones without a space, so `<code>x</code>.`
 * reads `x.`), the five entities decoded, spaces collapsed.
 */
export const pageText = (page: string): string =>
  page
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, ' ')
    .replace(/<\/?(?:code|strong|a|span)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
