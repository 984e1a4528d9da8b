/**
 * The named mutants of the SeSPHR net: each removes the one check (or adds the one leak) that a
 * property relies on. Under its mutant, a property the verifier proves must be reported violated;
 * a proof that survives all its mutants is flagged vacuous. They are edits of whatever net they
 * are given (any variant), so every variant's proofs get the same test.
 */
import { c, enumType, type Net, type Transition } from '../model/index.ts';
import { FACT_KINDS } from '../protocol/net/index.ts';
import {
  copyOutput,
  dropConjuncts,
  dropInput,
  EditCount,
  mutateNet,
  replaceOutputField,
  type TransitionEdit,
} from './net-mutation.ts';

/** The mutants, by name. */
export const MUTANT_NAMES = Object.freeze([
  'request-without-acl',
  'decrypt-without-parameter',
  'upload-in-the-clear',
  'ciphertext-to-srs',
  'revocation-keeps-member',
  'request-without-history',
  'request-without-window',
  'decrypt-without-tag-check',
  'download-without-consent',
  'download-without-authentication',
] as const);
/** One of {@link MUTANT_NAMES}. */
export type MutantName = (typeof MUTANT_NAMES)[number];

const named =
  (...names: string[]) =>
  (t: Transition) =>
    names.includes(t.name);
const mentions =
  (...parts: string[]) =>
  (text: string) =>
    parts.some((p) => text.includes(p));

/** What each mutant changes, in a sentence (for reports). */
export const MUTANTS: Readonly<Record<MutantName, string>> = Object.freeze({
  'request-without-acl': 'D_R_S hands out R without checking group membership or the grant',
  'decrypt-without-parameter': 'Decrypt_C opens a ciphertext without an R for it',
  'upload-in-the-clear': 'Send_C stores the plaintext at the cloud instead of the ciphertext',
  'ciphertext-to-srs': 'Send_C also gives the ciphertext to the SRS',
  'revocation-keeps-member': 'revoking a user leaves it in the group (the revocation-keeps-acl flaw)',
  'request-without-history': "D_R_S ignores the owner's history policy",
  'request-without-window': "D_R_S ignores the file's access window",
  'decrypt-without-tag-check': 'Decrypt_C accepts a tampered ciphertext',
  'download-without-consent': 'the cloud opens a download without the owner\u2019s consent',
  'download-without-authentication': 'D_C hands ciphertexts over without checking the certificate',
});

/** The edits of a mutant. */
function edits(name: MutantName, count: EditCount): readonly TransitionEdit[] {
  switch (name) {
    case 'request-without-acl':
      return [dropConjuncts(named('D_R_S'), mentions('mb.member', 'rg.on'), count)];
    case 'decrypt-without-parameter':
      return [
        dropConjuncts(named('Decrypt_C'), mentions('par.'), count),
        dropInput(named('Decrypt_C'), 'par', count),
      ];
    case 'upload-in-the-clear':
      return [
        replaceOutputField(named('Send_C'), 'K_cloud', 'kind', c('plaintext', enumType(FACT_KINDS)), count),
      ];
    case 'ciphertext-to-srs':
      return [copyOutput(named('Send_C'), 'K_cloud', 'K_srs', count)];
    case 'revocation-keeps-member':
      return [replaceOutputField(named('Revoke'), 'Member', 'member', c(true), count)];
    case 'request-without-history':
      return [dropConjuncts(named('D_R_S'), mentions('ow.history'), count)];
    case 'request-without-window':
      return [dropConjuncts(named('D_R_S'), mentions('fr.whas'), count)];
    case 'decrypt-without-tag-check':
      return [dropConjuncts(named('Decrypt_C'), mentions('ct.intact'), count)];
    case 'download-without-consent':
      return [dropConjuncts(named('D_C_open'), mentions('fr.consent'), count)];
    case 'download-without-authentication':
      return [dropConjuncts(named('D_C'), mentions('pu.status', 'pu.cert'), count)];
    default: {
      const bad: never = name;
      return bad;
    }
  }
}

/** `net` with mutant `name` applied; throws when the mutant no longer fits the net. */
export function mutantNet(net: Net, name: MutantName): Net {
  const count = new EditCount();
  const mutant = mutateNet(net, `${net.name}-${name}`, edits(name, count));
  count.expectChanges(name);
  return mutant;
}
