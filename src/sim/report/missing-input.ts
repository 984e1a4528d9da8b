/**
 * What a section says when its input is missing or unreadable: which file it looked for, what
 * was wrong with it, and the command that produces it, so "not run" is a next step rather than a
 * dead end.
 */
import type { InputStatus } from './input-section.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** The note for an input that is not `present`; empty markup when it is. */
export function missingInput(what: string, status: InputStatus, produce: string): SafeHtml {
  switch (status.state) {
    case 'present':
      return html``;
    case 'not-run':
      return html`<p class="not-run"><strong>${what}: not run.</strong> No file at <code>${status.source}</code>. To produce it: <code>${produce}</code></p>`;
    case 'unreadable':
      return html`<p class="problem"><strong>${what}: unreadable.</strong> <code>${status.source}</code>: ${status.problem ?? 'unknown problem'}. To produce it again: <code>${produce}</code></p>`;
    default: {
      const unreachable: never = status.state;
      return unreachable;
    }
  }
}
