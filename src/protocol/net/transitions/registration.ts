/**
 * Registration and certificates (SPEC section 2, the admin and the CA) and the paper's key rules:
 * Gen_Keys (23, the SRS makes and keeps x_i, PK_i) and Send_Keys (24, it hands the pair over).
 * `approve` is the composite the system runs: the admin approves, rules 23 and 24, the CA issues.
 * @module
 */
import { and, inSet, ite, ne, not } from '../../../model/index.ts';
import { consume, type NetBuilder, put, read } from '../builder.ts';
import { knowledgePlace, PLACES } from '../places.ts';

/** Register, approve, reject, Gen_Keys, Send_Keys, certificate issue and revocation. */
export function registrationTransitions(b: NetBuilder): void {
  const k = b.kit;
  const principal = (changes: Parameters<typeof k.copy>[2]) => k.copy('pu', k.voc.colours.principal, changes);

  for (const p of b.instance.principals) {
    b.add({
      id: `Register/${p.name}`,
      name: 'Register',
      inputs: [consume(PLACES.principal, 'pu'), read(PLACES.roles, 'r')],
      guard: and(
        k.is('pu', 'principal', k.name(p.name)),
        k.is('pu', 'status', k.status('unregistered')),
        // A principal registers with a role the instance foresees for it.
        inSet(k.f('r', 'role'), p.roles),
      ),
      outputs: [
        put(PLACES.principal, principal({ status: k.status('pending'), role: k.f('r', 'role') })),
        put(
          knowledgePlace(p.name),
          k.fact({
            kind: 'otp-secret',
            subject: k.name(p.name),
            owner: k.name(p.name),
            payload: k.term('otpSecret', [k.name(p.name)]),
          }),
          k.is('r', 'role', k.role('owner')),
        ),
      ],
      meta: { kind: 'step', op: 'register', actor: 'Admin', principal: p.name, call: 'register' },
    });
  }
  b.refusal({
    id: 'Register_F',
    inputs: [read(PLACES.principal, 'pu')],
    guard: not(k.is('pu', 'status', k.status('unregistered'))),
    actor: k.f('pu', 'principal'),
    op: 'register',
    reason: k.reason('already-exists'),
    meta: { actor: 'Admin', call: 'register' },
  });

  for (const [id, to, call] of [
    ['Approve', 'approved', 'approveRegistration'],
    ['Reject', 'rejected', 'reject'],
  ] as const) {
    const op = id === 'Approve' ? 'approve' : 'reject';
    b.add({
      id,
      inputs: [consume(PLACES.principal, 'pu')],
      guard: k.is('pu', 'status', k.status('pending')),
      outputs: [put(PLACES.principal, principal({ status: k.status(to) }))],
      meta: { kind: 'step', op, actor: 'Admin', call },
    });
    b.refusal({
      id: `${id}_F`,
      inputs: [read(PLACES.principal, 'pu')],
      guard: ne(k.f('pu', 'status'), k.status('pending')),
      actor: k.name('admin'),
      op,
      reason: ite(
        k.is('pu', 'status', k.status('unregistered')),
        k.reason('unknown-principal'),
        k.reason('out-of-order'),
      ),
      meta: { actor: 'Admin', call },
    });
  }

  b.add({
    id: 'Gen_Keys',
    inputs: [consume(PLACES.principal, 'pu')],
    guard: and(k.is('pu', 'status', k.status('approved')), k.is('pu', 'keys', k.keys('none'))),
    outputs: [
      put(PLACES.principal, principal({ keys: k.keys('generated') })),
      put(
        knowledgePlace('srs'),
        k.fact({
          kind: 'secret-key',
          subject: k.f('pu', 'principal'),
          payload: k.term('sk', [k.f('pu', 'principal')]),
        }),
      ),
    ],
    meta: { kind: 'step', op: 'approve', rule: '23', actor: 'SRS', call: 'genKeys' },
  });
  for (const p of b.instance.principals) {
    b.add({
      id: `Send_Keys/${p.name}`,
      name: 'Send_Keys',
      inputs: [consume(PLACES.principal, 'pu')],
      guard: and(k.is('pu', 'principal', k.name(p.name)), k.is('pu', 'keys', k.keys('generated'))),
      outputs: [
        put(PLACES.principal, principal({ keys: k.keys('sent') })),
        put(
          knowledgePlace(p.name),
          k.fact({ kind: 'secret-key', subject: k.name(p.name), payload: k.term('sk', [k.name(p.name)]) }),
        ),
        // An owner's OTP device is enrolled with the cloud when its keys arrive.
        put(
          knowledgePlace('cloud'),
          k.fact({
            kind: 'otp-secret',
            subject: k.name(p.name),
            owner: k.name(p.name),
            payload: k.term('otpSecret', [k.name(p.name)]),
          }),
          k.is('pu', 'role', k.role('owner')),
        ),
      ],
      meta: { kind: 'step', op: 'approve', rule: '24', actor: 'SRS', principal: p.name, call: 'sendKeys' },
    });
  }
  b.add({
    id: 'Issue_cert',
    inputs: [consume(PLACES.principal, 'pu'), read(PLACES.clock, 'ck')],
    guard: and(
      k.is('pu', 'status', k.status('approved')),
      ne(k.f('pu', 'keys'), k.keys('none')),
      k.is('pu', 'cert', k.cert('none')),
    ),
    outputs: [put(PLACES.principal, principal({ cert: k.cert('valid'), certAt: k.f('ck', 'now') }))],
    meta: { kind: 'step', op: 'approve', actor: 'CA', call: 'issueCertificate' },
  });
  b.add({
    id: 'Revoke_cert',
    inputs: [consume(PLACES.principal, 'pu')],
    guard: ne(k.f('pu', 'cert'), k.cert('none')),
    outputs: [put(PLACES.principal, principal({ cert: k.cert('revoked') }))],
    meta: { kind: 'step', op: 'revoke-certificate', actor: 'CA', call: 'revokeCertificate' },
  });
  b.refusal({
    id: 'Revoke_cert_F',
    inputs: [read(PLACES.principal, 'pu')],
    guard: k.is('pu', 'cert', k.cert('none')),
    actor: k.name('ca'),
    op: 'revoke-certificate',
    reason: k.reason('unknown-principal'),
    meta: { actor: 'CA', call: 'revokeCertificate' },
  });
}
