/**
 * Markup built so that text cannot become markup by accident. Pieces of the page are `SafeHtml`
 * values; the `html` template escapes every interpolated string or number and passes only
 * `SafeHtml` through as is, so forgetting to escape a scenario name is impossible rather than
 * merely a reviewing matter. Markup from elsewhere enters only through `trustedHtml`, used for
 * the page's own style sheet and script and for SVGs that passed `inlineSvg`.
 */
import { escapeHtml } from './html-escape.ts';

/** A piece of markup that is safe to put on the page as is. */
export class SafeHtml {
  readonly markup: string;
  constructor(markup: string) {
    this.markup = markup;
    Object.freeze(this);
  }
  toString(): string {
    return this.markup;
  }
}

/** What may be interpolated: text (escaped), markup, nothing, or a list of these. */
export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

const render = (part: HtmlPart): string => {
  if (part instanceof SafeHtml) return part.markup;
  if (part === null || part === undefined || part === false) return '';
  if (typeof part === 'number') return escapeHtml(String(part));
  if (typeof part === 'string') return escapeHtml(part);
  return part.map(render).join('');
};

/** Template tag: the literal parts are markup, every interpolated value is escaped unless `SafeHtml`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlPart[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks markup the page vouches for (its own CSS and script, vetted SVG) as safe. */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);
