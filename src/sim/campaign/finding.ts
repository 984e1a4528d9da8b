/**
 * What a campaign reports: a SPEC property the secure protocol keeps failing on some marking, a
 * divergence between the net and the protocol, or an exception escaping the protocol or the net.
 * Properties SPEC section 5 expects to fail in every variant (P6, P8: facts of the scheme) are never
 * findings; a property the chosen insecure variant is built to break (P12 for `otp-leak`, P7 for
 * `revocation-keeps-acl`) is a finding the campaign is expected to make, and says so.
 */
import type { PropertyId } from '../../protocol/index.ts';
import { type Divergence, divergenceMessage, type StepPlace } from '../run/index.ts';

/** One finding, discriminated by `kind`. */
export type Finding =
  | {
      readonly kind: 'property';
      readonly property: PropertyId;
      readonly title: string;
      /** The step after which it failed; absent: in the start state. */
      readonly at?: StepPlace;
      /** Whether SPEC section 5 expects this variant to violate it. */
      readonly expectedForVariant: boolean;
    }
  | { readonly kind: 'divergence'; readonly divergence: Divergence }
  | { readonly kind: 'crash'; readonly message: string };

/** The step a finding happened at, if any. */
export function findingStep(f: Finding): StepPlace | undefined {
  switch (f.kind) {
    case 'property':
      return f.at;
    case 'divergence':
      return f.divergence.at;
    case 'crash':
      return undefined;
    default: {
      const never: never = f;
      return never;
    }
  }
}

/** The finding in one sentence, without where it happened. */
export function describeFinding(f: Finding, variant: string): string {
  switch (f.kind) {
    case 'property':
      return (
        `${f.property} (${f.title}) violated` +
        (f.expectedForVariant ? ` (expected: the ${variant} variant is built to break it)` : '')
      );
    case 'divergence':
      return `the net and the protocol diverge (${f.divergence.kind}): ${divergenceMessage(f.divergence)}`;
    case 'crash':
      return `an exception escaped: ${f.message}`;
    default: {
      const never: never = f;
      return never;
    }
  }
}

/** What a finding is, wherever it happens: the property, the divergence's kind, or the crash. */
export function findingClass(f: Finding): string {
  switch (f.kind) {
    case 'property':
      return `property:${f.property}`;
    case 'divergence':
      return `divergence:${f.divergence.kind}`;
    case 'crash':
      return `crash:${f.message}`;
    default: {
      const never: never = f;
      return never;
    }
  }
}

/**
 * What identifies a finding across runs of the same sequence: its kind, which property (or kind of
 * divergence), and the step index. Lines and messages are left out: the written scenario places
 * its steps on other lines than the sequence it was cut from.
 */
export function findingKey(f: Finding): string {
  return f.kind === 'crash' ? findingClass(f) : `${findingClass(f)}:${findingStep(f)?.index ?? 'start'}`;
}
