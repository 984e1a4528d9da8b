/**
 * Downloads (rule 30, D_C) with the cloud's authentication and the owner's OTP consent (SPEC 3.2):
 * the cloud opens a download session for an authenticated principal when the file needs no
 * consent (or the principal is its owner), or on the owner's one-time ticket, or, where a code
 * reached the requester, on a valid unused code; D_C then hands over ciphertexts, and the session
 * closes. Asking for consent (`Ask_consent`) files the request; in the `otp-leak` variant the cloud
 * answers with the owner's current code, which lands in the requester's knowledge. Used codes are
 * remembered per TOTP step, so a code is accepted once (RFC 6238 §5.2).
 * @module
 */
import { and, c, type Expr, eq, type InputArcSpec, inSet, ne, not, tuple } from '../../../model/index.ts';
import { consume, inhibit, type NetBuilder, put, read } from '../builder.ts';
import { allHold, type Check, firstReason, someFails } from '../kit.ts';
import { knowledgePlace, PLACES } from '../places.ts';

/** Consent requests, download sessions and D_C. */
export function downloadTransitions(b: NetBuilder): void {
  const k = b.kit;
  const leak = b.instance.variant === 'otp-leak';
  const base = [read(PLACES.principal, 'pu'), read(PLACES.file, 'fr'), read(PLACES.clock, 'ck')];
  const checks: Check[] = [
    ...k.auth('pu', 'ck'),
    { holds: k.is('fr', 'state', k.fileState('stored')), reason: k.reason('unknown-file') },
  ];
  const needsConsent = and(k.flag('fr', 'consent'), ne(k.f('fr', 'owner'), k.f('pu', 'principal')));
  const ticketLink = and(
    eq(k.f('tk', 'file'), k.f('fr', 'file')),
    eq(k.f('tk', 'user'), k.f('pu', 'principal')),
  );
  const noSession = inhibit(
    PLACES.session,
    'open',
    and(eq(k.f('open', 'user'), k.f('pu', 'principal')), eq(k.f('open', 'file'), k.f('fr', 'file'))),
  );
  const session = put(PLACES.session, tuple({ user: k.f('pu', 'principal'), file: k.f('fr', 'file') }));
  const otpOf = (x: string) => and(k.is(x, 'kind', k.kind('otp')), eq(k.f(x, 'file'), k.f('fr', 'file')));
  const usedLike = (x: string, at: Expr) =>
    and(
      eq(k.f(x, 'owner'), k.f('fr', 'owner')),
      eq(k.f(x, 'file'), k.f('fr', 'file')),
      eq(k.f(x, 'user'), k.f('pu', 'principal')),
      inSet(k.pair(k.f(x, 'at'), at), b.instance.otpSameStep),
    );
  const accepted = inSet(k.pair(k.f('ot', 'time'), k.f('ck', 'now')), b.instance.otpAccepted);

  // ---------------------------------------------------------------- asking for consent
  const askMeta = { kind: 'step', op: 'download', actor: 'Cloud', call: 'requestConsent' };
  // Only users keep a code the cloud hands out; an owner asking about another's file gets none.
  const asUser = ne(k.f('pu', 'role'), k.role('owner'));
  b.add({
    id: 'Ask_consent',
    inputs: base,
    guard: and(allHold(checks), needsConsent, ...(leak ? [not(asUser)] : [])),
    outputs: [],
    meta: askMeta,
  });
  if (leak) {
    for (const p of b.instance.principals) {
      const code = k.fact({
        kind: 'otp',
        subject: k.name(p.name),
        owner: k.f('fr', 'owner'),
        file: k.f('fr', 'file'),
        time: k.f('ck', 'now'),
        payload: k.term('totp', [k.f('fr', 'owner'), k.f('ck', 'now')]),
      });
      const guard = and(k.is('pu', 'principal', k.name(p.name)), allHold(checks), needsConsent, asUser);
      b.add({
        id: `Ask_consent/${p.name}`,
        name: 'Ask_consent',
        inputs: [...base, inhibit(knowledgePlace(p.name), 'held', otpOf('held'))],
        guard,
        outputs: [put(knowledgePlace(p.name), code)],
        meta: { ...askMeta, principal: p.name, variant: 'otp-leak' },
      });
      b.add({
        id: `Ask_consent_again/${p.name}`,
        name: 'Ask_consent',
        inputs: [...base, consume(knowledgePlace(p.name), 'held')],
        guard: and(guard, otpOf('held')),
        outputs: [put(knowledgePlace(p.name), code)],
        meta: { ...askMeta, principal: p.name, variant: 'otp-leak', refresh: 'true' },
      });
    }
  }
  b.refusal({
    id: 'Ask_consent_F',
    inputs: base,
    guard: someFails(checks),
    actor: k.f('pu', 'principal'),
    op: 'download',
    reason: firstReason(checks),
    meta: { actor: 'Cloud', call: 'requestConsent' },
  });

  // ---------------------------------------------------------------- opening a download
  const openMeta = { kind: 'step', op: 'download', actor: 'Cloud', call: 'download' };
  b.add({
    id: 'D_C_open',
    inputs: [...base, noSession],
    guard: and(allHold(checks), not(needsConsent)),
    outputs: [session],
    meta: openMeta,
  });
  b.add({
    id: 'D_C_open_ticket',
    inputs: [...base, consume(PLACES.ticket, 'tk'), noSession],
    guard: and(allHold(checks), needsConsent, ticketLink, k.flag('tk', 'ticket')),
    outputs: [session, put(PLACES.ticket, k.copy('tk', k.voc.colours.ticket, { ticket: c(false) }))],
    meta: openMeta,
  });
  b.refusal({
    id: 'D_C_F',
    inputs: base,
    guard: someFails(checks),
    actor: k.f('pu', 'principal'),
    op: 'download',
    reason: firstReason(checks),
    meta: { actor: 'Cloud', call: 'download' },
  });
  const noTicket = and(ticketLink, not(k.flag('tk', 'ticket')));
  const waiting = and(allHold(checks), needsConsent, noTicket);
  if (!leak) {
    b.refusal({
      id: 'D_C_F_consent',
      inputs: [...base, read(PLACES.ticket, 'tk')],
      guard: waiting,
      actor: k.f('pu', 'principal'),
      op: 'download',
      reason: k.reason('no-consent'),
      meta: { actor: 'Cloud', call: 'download' },
    });
  } else {
    for (const p of b.instance.principals) {
      const mine = k.is('pu', 'principal', k.name(p.name));
      const place = knowledgePlace(p.name);
      const refuse = (
        id: string,
        inputs: readonly InputArcSpec[],
        guard: Expr,
        reason: 'no-consent' | 'bad-otp',
      ) =>
        b.refusal({
          id: `${id}/${p.name}`,
          name: id,
          inputs,
          guard,
          actor: k.f('pu', 'principal'),
          op: 'download',
          reason: k.reason(reason),
          meta: { actor: 'Cloud', call: 'download', principal: p.name },
        });
      refuse(
        'D_C_F_consent',
        [...base, read(PLACES.ticket, 'tk'), inhibit(place, 'held', otpOf('held'))],
        and(mine, waiting),
        'no-consent',
      );
      const withCode = [...base, read(PLACES.ticket, 'tk'), read(place, 'ot')];
      refuse('D_C_F_otp', withCode, and(mine, waiting, otpOf('ot'), not(accepted)), 'bad-otp');
      refuse(
        'D_C_F_replay',
        [...withCode, read(PLACES.usedCode, 'uc')],
        and(mine, waiting, otpOf('ot'), accepted, usedLike('uc', k.f('ot', 'time'))),
        'bad-otp',
      );
      b.add({
        id: `D_C_open_code/${p.name}`,
        name: 'D_C_open_code',
        inputs: [...withCode, noSession, inhibit(PLACES.usedCode, 'uc', usedLike('uc', k.f('ot', 'time')))],
        guard: and(mine, waiting, otpOf('ot'), accepted),
        outputs: [
          session,
          put(
            PLACES.usedCode,
            tuple({
              owner: k.f('fr', 'owner'),
              file: k.f('fr', 'file'),
              user: k.f('pu', 'principal'),
              at: k.f('ot', 'time'),
            }),
          ),
        ],
        meta: { ...openMeta, principal: p.name, variant: 'otp-leak' },
      });
    }
  }

  // ---------------------------------------------------------------- D_C and closing
  for (const p of b.instance.principals) {
    const place = knowledgePlace(p.name);
    const same = (x: string) =>
      and(
        k.is(x, 'kind', k.kind('ciphertext')),
        eq(k.f(x, 'file'), k.f('ct', 'file')),
        eq(k.f(x, 'partition'), k.f('ct', 'partition')),
        eq(k.f(x, 'version'), k.f('ct', 'version')),
      );
    const inputs = [
      read(PLACES.session, 'ss'),
      read(PLACES.principal, 'pu'),
      read(PLACES.clock, 'ck'),
      read(knowledgePlace('cloud'), 'ct'),
    ];
    const guard = and(
      k.is('ss', 'user', k.name(p.name)),
      eq(k.f('pu', 'principal'), k.f('ss', 'user')),
      allHold(k.auth('pu', 'ck')),
      k.is('ct', 'kind', k.kind('ciphertext')),
      eq(k.f('ct', 'file'), k.f('ss', 'file')),
    );
    const copy = put(place, k.copy('ct', k.voc.colours.knowledge, {}));
    const meta = { kind: 'step', op: 'download', rule: '30', actor: 'Cloud', principal: p.name };
    b.add({
      id: `D_C/${p.name}`,
      name: 'D_C',
      inputs: [...inputs, inhibit(place, 'held', same('held'))],
      guard,
      outputs: [copy],
      meta,
    });
    b.add({
      id: `D_C_again/${p.name}`,
      name: 'D_C',
      inputs: [...inputs, consume(place, 'held')],
      guard: and(guard, same('held')),
      outputs: [copy],
      meta: { ...meta, refresh: 'true' },
    });
  }
  b.add({
    id: 'D_C_close',
    inputs: [consume(PLACES.session, 'ss')],
    outputs: [],
    meta: { kind: 'bookkeeping', op: 'download', actor: 'Cloud' },
  });
}
