/**
 * OTP consent (SPEC 3.2): the owner's device sends its current one-time code straight to the
 * cloud, which turns a valid, unused code into a ticket for one download of the file by the named
 * user. The code never travels to the requester. A code is used once per TOTP step (the cloud
 * keys used codes by owner, step, file and user): consenting twice within one step for the same
 * download is a replay. `consented` records, for property
 * P12, that the owner consented at least once.
 * @module
 */
import { and, c, eq, inSet, tuple } from '../../../model/index.ts';
import { consume, inhibit, type NetBuilder, put, read } from '../builder.ts';
import { allHold, type Check, firstReason, someFails } from '../kit.ts';
import { PLACES } from '../places.ts';

/** Consent given, refused, or refused as a replay. */
export function consentTransitions(b: NetBuilder): void {
  const k = b.kit;
  const checks: Check[] = [
    ...k.ownerLookup('po'),
    ...k.auth('po', 'ck'),
    { holds: k.is('fr', 'state', k.fileState('stored')), reason: k.reason('unknown-file') },
    { holds: eq(k.f('fr', 'owner'), k.f('po', 'principal')), reason: k.reason('not-owner') },
  ];
  const base = [read(PLACES.principal, 'po'), read(PLACES.clock, 'ck'), read(PLACES.file, 'fr')];
  const ticketLink = eq(k.f('tk', 'file'), k.f('fr', 'file'));
  const usedNow = (x: string) =>
    and(
      eq(k.f(x, 'owner'), k.f('fr', 'owner')),
      eq(k.f(x, 'file'), k.f('fr', 'file')),
      eq(k.f(x, 'user'), k.f('tk', 'user')),
      inSet(k.pair(k.f(x, 'at'), k.f('ck', 'now')), b.instance.otpSameStep),
    );
  b.add({
    id: 'Consent',
    inputs: [...base, consume(PLACES.ticket, 'tk'), inhibit(PLACES.usedCode, 'uc', usedNow('uc'))],
    guard: and(allHold(checks), ticketLink),
    outputs: [
      put(PLACES.ticket, k.copy('tk', k.voc.colours.ticket, { ticket: c(true), consented: c(true) })),
      put(
        PLACES.usedCode,
        tuple({
          owner: k.f('fr', 'owner'),
          file: k.f('fr', 'file'),
          user: k.f('tk', 'user'),
          at: k.f('ck', 'now'),
        }),
      ),
    ],
    meta: { kind: 'step', op: 'consent', actor: 'Owner', call: 'consent' },
  });
  b.refusal({
    id: 'Consent_F',
    inputs: base,
    guard: someFails(checks),
    actor: k.f('po', 'principal'),
    op: 'consent',
    reason: firstReason(checks),
    meta: { actor: 'Cloud', call: 'consent' },
  });
  b.refusal({
    id: 'Consent_F_replay',
    inputs: [...base, read(PLACES.ticket, 'tk'), read(PLACES.usedCode, 'uc')],
    guard: and(allHold(checks), ticketLink, usedNow('uc')),
    actor: k.f('po', 'principal'),
    op: 'consent',
    reason: k.reason('bad-otp'),
    meta: { actor: 'Cloud', call: 'consent' },
  });
}
