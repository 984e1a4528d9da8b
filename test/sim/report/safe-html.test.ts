/**
 * Escaping: any text interpolated into the page's markup reads back as the same text and adds no
 * markup; only `SafeHtml` passes through unescaped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/sim/report/html-escape.ts';
import { html, SafeHtml, trustedHtml } from '../../../src/sim/report/safe-html.ts';

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('escapeHtml', () => {
  it('replaces exactly the five characters that can end text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(escapeHtml('plain text, ünïcødé, ≈ × –')).toBe('plain text, ünïcødé, ≈ × –');
  });

  it('leaves no markup character and decodes back to the text (fast-check, seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(decode(escaped)).toBe(text);
      }),
      { seed: 6_301, numRuns: 100 },
    );
  });
});

describe('the html template', () => {
  it('escapes interpolated strings and numbers, keeps SafeHtml, drops null, undefined and false, flattens lists', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(
      html`<p title="${'"x"'}">${inner}${null}${undefined}${false}${3}${['<', html`<br>`]}</p>`.markup,
    ).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>3&lt;<br></p>');
  });

  it('never lets an interpolated string add a tag (fast-check, seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), (texts) => {
        const out = html`<div>${texts.map((t) => html`<span title="${t}">${t}</span>`)}</div>`.markup;
        const tags = out.match(/<[^>]*>/g) ?? [];
        expect(tags).toEqual([
          '<div>',
          ...texts.flatMap((t) => [`<span title="${escapeHtml(t)}">`, '</span>']),
          '</div>',
        ]);
      }),
      { seed: 6_302, numRuns: 100 },
    );
  });

  it('trusts only what is marked trusted', () => {
    expect(trustedHtml('<svg></svg>')).toBeInstanceOf(SafeHtml);
    expect(html`${trustedHtml('<svg></svg>')}${'<svg></svg>'}`.markup).toBe(
      '<svg></svg>&lt;svg&gt;&lt;/svg&gt;',
    );
  });
});
