/**
 * The campaign's options: raw (as typed on a command line, all optional) and resolved (checked,
 * defaults filled, frozen). The seed is a whole number because fast-check seeds its generator with
 * one; a campaign without one draws it, and the report prints it so it can be given back.
 */
import { VARIANTS, type Variant } from '../scenario/index.ts';

/** A campaign, fully resolved. */
export interface CampaignConfig {
  /** How many sequences to run (fewer when one fails: the campaign stops and shrinks it). */
  readonly runs: number;
  /** The most operations in one sequence. */
  readonly length: number;
  /** fast-check's seed: the same seed draws the same sequences. */
  readonly seed: number;
  readonly variant: Variant;
}

/** Options as given; every one optional. */
export interface RawCampaignOptions {
  readonly runs?: string;
  readonly length?: string;
  readonly seed?: string;
  readonly variant?: string;
}

/** Defaults: a campaign of a hundred sequences of up to six operations on the secure protocol. */
export const CAMPAIGN_DEFAULTS = Object.freeze({ runs: 100, length: 6, variant: 'secure' as Variant });

/** The largest sequence length: beyond it a sequence is a scenario, not a probe. */
export const MAX_LENGTH = 50;

/** The resolved config (and whether its seed was drawn), or what is wrong with the options. */
export type ResolvedCampaign =
  | { readonly kind: 'ok'; readonly config: CampaignConfig; readonly drawnSeed: boolean }
  | { readonly kind: 'bad-input'; readonly message: string };

function whole(name: string, text: string, min: number, max: number): number | string {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max
    ? n
    : `--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got "${text}"`;
}

/** Checks `raw` and fills the defaults; `draw` supplies a seed when none is given. */
export function resolveCampaignConfig(raw: RawCampaignOptions, draw: () => number): ResolvedCampaign {
  const runs = raw.runs === undefined ? CAMPAIGN_DEFAULTS.runs : whole('runs', raw.runs, 1, 1_000_000);
  if (typeof runs === 'string') return { kind: 'bad-input', message: runs };
  const length =
    raw.length === undefined ? CAMPAIGN_DEFAULTS.length : whole('length', raw.length, 1, MAX_LENGTH);
  if (typeof length === 'string') return { kind: 'bad-input', message: length };
  const seed = raw.seed === undefined ? draw() : whole('seed', raw.seed, 0, 2 ** 31 - 1);
  if (typeof seed === 'string') return { kind: 'bad-input', message: seed };
  const variant = raw.variant ?? CAMPAIGN_DEFAULTS.variant;
  if (!(VARIANTS as readonly string[]).includes(variant)) {
    return {
      kind: 'bad-input',
      message: `--variant must be one of ${VARIANTS.join(', ')}, got "${variant}"`,
    };
  }
  return {
    kind: 'ok',
    config: Object.freeze({ runs, length, seed, variant: variant as Variant }),
    drawnSeed: raw.seed === undefined,
  };
}
