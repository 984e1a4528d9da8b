/**
 * How a firing's outcome is coloured. Outcomes are open-ended words (scenario files name them),
 * but a reader scanning a timeline needs one distinction at a glance: did the step go through, or
 * was it refused, did it fail or did it raise an alarm. Each outcome gets a tone, each tone a
 * family of colours, so `granted` and `decrypts` are both greens and `denied` and `detected` both
 * reds, yet each outcome keeps its own entry in the legend.
 */

/**
 * `success`: the step went through (ok, granted, decrypts, found, clean…); `alert`: refused,
 * failed or detected (denied, fails, detected…); `neutral`: any other word (e.g. a search's `none`).
 */
export type OutcomeTone = 'success' | 'alert' | 'neutral';

const SUCCESS = new Set([
  'ok',
  'granted',
  'decrypts',
  'found',
  'clean',
  'allowed',
  'approved',
  'consented',
  'passed',
  'proved',
  'stored',
  'verified',
]);
const ALERT = new Set([
  'denied',
  'refused',
  'rejected',
  'fails',
  'failed',
  'detected',
  'violated',
  'error',
  'tampered',
]);

/** The tone of an outcome word (case-insensitive); words it does not know are `neutral`. */
export function outcomeTone(outcome: string): OutcomeTone {
  const word = outcome.toLowerCase();
  if (SUCCESS.has(word)) return 'success';
  if (ALERT.has(word)) return 'alert';
  return 'neutral';
}

const PALETTE: Readonly<Record<OutcomeTone, readonly string[]>> = Object.freeze({
  success: Object.freeze(['#2e7d32', '#66bb6a', '#1b5e20', '#9ccc65']),
  alert: Object.freeze(['#c62828', '#ef6c00', '#ad1457', '#f9a825']),
  neutral: Object.freeze(['#616161', '#9e9e9e', '#424242', '#bdbdbd']),
});

const TONE_ORDER: readonly OutcomeTone[] = ['success', 'alert', 'neutral'];

/** A colour scale for a set of outcomes: parallel `domain` and `range`, in legend order. */
export interface OutcomeColours {
  readonly domain: readonly string[];
  readonly range: readonly string[];
}

/**
 * Assigns each distinct outcome a colour from its tone's family. The order (successes, then
 * alerts, then the rest; alphabetical within each) depends only on the set of outcomes, so the
 * same run always gets the same colours and legend.
 */
export function outcomeColours(outcomes: Iterable<string>): OutcomeColours {
  const distinct = [...new Set(outcomes)].sort();
  const domain: string[] = [];
  const range: string[] = [];
  for (const tone of TONE_ORDER) {
    const family = PALETTE[tone];
    distinct
      .filter((o) => outcomeTone(o) === tone)
      .forEach((o, i) => {
        domain.push(o);
        range.push(family[i % family.length]!);
      });
  }
  return Object.freeze({ domain: Object.freeze(domain), range: Object.freeze(range) });
}
