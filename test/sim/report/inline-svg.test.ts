/** The guard on embedded SVG: vega's charts pass; anything active or linking out is refused. */
import { describe, expect, it } from 'vitest';
import { renderSvg, timelineSpec } from '../../../src/sim/charts/index.ts';
import { inlineSvg } from '../../../src/sim/report/inline-svg.ts';

describe('inlineSvg', () => {
  it('accepts a vega timeline whose labels came from hostile text, escaped by vega', async () => {
    const svg = await renderSvg(
      timelineSpec(
        [
          {
            index: 0,
            transition: '<script>x()</script>',
            actor: '"><img src=x onerror=y()>',
            simulatedTime: 1_767_225_600,
            startMs: 0,
            durationMs: 1,
            outcome: 'ok',
          },
        ],
        { title: '<script>alert(1)</script>' },
      ),
    );
    const checked = inlineSvg(svg);
    expect(checked.kind).toBe('svg');
  });

  it('drops an XML prolog and keeps the element', () => {
    expect(inlineSvg('<?xml version="1.0"?>\n<svg><g/></svg>')).toEqual({
      kind: 'svg',
      svg: '<svg><g/></svg>',
    });
  });

  it('refuses scripts, handlers, embedded HTML, links out, entity declarations and non-SVG', () => {
    const refused = [
      '<svg><script>x()</script></svg>',
      '<svg><SCRIPT src="x"/></svg>',
      '<svg><g onclick="x()"/></svg>',
      '<svg><rect onload =x/></svg>',
      '<svg><foreignObject><div/></foreignObject></svg>',
      '<svg><a href="https://example.org"><text>x</text></a></svg>',
      '<svg><image xlink:href="data:image/png;base64,AAAA"/></svg>',
      '<!DOCTYPE svg [<!ENTITY x "y">]><svg></svg>',
      '<div></div>',
      '<svg></svg><script>x()</script>',
      '<svg></svg><g></g><svg></svg>',
      '<svg><text>a < b</text></svg>',
      '<svg><g></svg>',
    ].map((s) => inlineSvg(s));
    expect(refused.map((r) => r.kind)).toEqual(refused.map(() => 'refused'));
    expect(inlineSvg('<svg><g onclick="x()"/></svg>')).toEqual({
      kind: 'refused',
      problem: 'the SVG contains an event handler attribute',
    });
  });

  it('allows links within the SVG (#id)', () => {
    expect(inlineSvg('<svg><use href="#a"/></svg>').kind).toBe('svg');
  });
});
