/**
 * Rule 33 (Decrypt_C): a principal decrypts a partition version with what it holds. A user takes
 * the R it holds for exactly that version, else the newest it holds for the partition (a cached,
 * stale one, which fails the tag check on a newer version: fresh r); an owner takes its own R_P of
 * that version. An R of an earlier generation of the file id (deleted, uploaded again) fails too. Outcomes in the protocol's check order: no ciphertext held (out-of-order), no key
 * pair (unapproved), no usable R (no-parameter), the tag check (tampered ciphertext, stale R), or
 * the plaintext, which joins what the principal knows, stamped with the revocation era it was
 * read in. A principal that never registered has nothing to decrypt with (unknown-principal).
 * @module
 */
import { and, type Expr, eq, gt, type InputArcSpec, ne, not, or } from '../../../model/index.ts';
import type { DenialReason } from '../../outcome.ts';
import { consume, inhibit, type NetBuilder, put, read } from '../builder.ts';
import { isUserRole } from '../instance.ts';
import { knowledgePlace, PLACES } from '../places.ts';

/** Decryption outcomes for every principal. */
export function decryptTransitions(b: NetBuilder): void {
  const k = b.kit;
  const registered = not(k.is('pu', 'status', k.status('unregistered')));
  b.refusal({
    id: 'Decrypt_F_unknown',
    inputs: [read(PLACES.version, 've'), read(PLACES.principal, 'pu')],
    guard: not(registered),
    actor: k.f('pu', 'principal'),
    op: 'decrypt',
    reason: k.reason('unknown-principal'),
    meta: { actor: 'User', call: 'decryptPartition' },
  });
  for (const p of b.instance.principals) {
    const me = k.name(p.name);
    const place = knowledgePlace(p.name);
    const asUser = p.roles.some(isUserRole);
    const asOwner = p.roles.includes('owner');
    const target = (x: string) =>
      and(
        eq(k.f(x, 'file'), k.f('ve', 'file')),
        eq(k.f(x, 'partition'), k.f('ve', 'partition')),
        eq(k.f(x, 'version'), k.f('ve', 'version')),
      );
    const ciphertext = (x: string) => and(k.is(x, 'kind', k.kind('ciphertext')), target(x));
    const ownKey = (x: string) => and(k.is(x, 'kind', k.kind('secret-key')), k.is(x, 'subject', me));
    const ownR = (x: string) => and(k.is(x, 'kind', k.kind('parameter')), k.is(x, 'subject', me));
    const exactR = (x: string) => and(ownR(x), target(x));
    const partitionR = (x: string) =>
      and(ownR(x), eq(k.f(x, 'file'), k.f('ve', 'file')), eq(k.f(x, 'partition'), k.f('ve', 'partition')));
    const who = and(k.is('pu', 'principal', me), registered);
    const start = [read(PLACES.version, 've'), read(PLACES.principal, 'pu')];
    const held = [...start, read(place, 'ct'), read(place, 'sk')];
    const heldGuard = [who, ciphertext('ct'), ownKey('sk')];
    const refuse = (id: string, inputs: readonly InputArcSpec[], guard: Expr, reason: DenialReason) =>
      b.refusal({
        id: `${id}/${p.name}`,
        name: id,
        inputs,
        guard,
        actor: me,
        op: 'decrypt',
        reason: k.reason(reason),
        meta: { actor: 'User', principal: p.name, call: 'decryptPartition' },
      });
    refuse('Decrypt_F_noct', [...start, inhibit(place, 'ct', ciphertext('ct'))], who, 'out-of-order');
    refuse(
      'Decrypt_F_nokey',
      [...start, read(place, 'ct'), inhibit(place, 'sk', ownKey('sk'))],
      and(who, ciphertext('ct')),
      'unapproved',
    );
    if (asUser) {
      refuse(
        'Decrypt_F_noparam',
        [...held, inhibit(place, 'par', partitionR('par'))],
        and(...heldGuard, ne(k.f('pu', 'role'), k.role('owner'))),
        'no-parameter',
      );
      refuse(
        'Decrypt_F_stale',
        [
          ...held,
          read(place, 'par'),
          inhibit(place, 'exact', exactR('exact')),
          inhibit(
            place,
            'newer',
            and(
              partitionR('newer'),
              gt(k.f('newer', 'version'), k.f('par', 'version')),
              ne(k.f('newer', 'version'), k.f('ve', 'version')),
            ),
          ),
        ],
        and(...heldGuard, ne(k.f('pu', 'role'), k.role('owner')), partitionR('par')),
        'tag-check-failed',
      );
    }
    if (asOwner) {
      refuse(
        'Decrypt_F_noparam_owner',
        [...held, inhibit(place, 'par', exactR('par'))],
        and(...heldGuard, k.is('pu', 'role', k.role('owner'))),
        'no-parameter',
      );
    }
    refuse(
      'Decrypt_F_tag',
      [...held, read(place, 'par')],
      and(
        ...heldGuard,
        exactR('par'),
        or(not(k.flag('ct', 'intact')), ne(k.f('par', 'gen'), k.f('ct', 'gen'))),
      ),
      'tag-check-failed',
    );
    const opened = k.fact({
      kind: 'plaintext',
      owner: k.f('ct', 'owner'),
      file: k.f('ct', 'file'),
      gen: k.f('ct', 'gen'),
      partition: k.f('ct', 'partition'),
      level: k.f('ct', 'level'),
      version: k.f('ct', 'version'),
      era: k.f('ck', 'era'),
      born: k.f('ct', 'born'),
      payload: k.term(
        'plain',
        ['owner', 'file', 'gen', 'partition', 'version'].map((n) => k.f('ct', n)),
      ),
    });
    const plaintext = (x: string) => and(k.is(x, 'kind', k.kind('plaintext')), target(x));
    const inputs = [...held, read(place, 'par'), read(PLACES.clock, 'ck')];
    const guard = and(
      ...heldGuard,
      exactR('par'),
      k.flag('ct', 'intact'),
      eq(k.f('par', 'gen'), k.f('ct', 'gen')),
    );
    const meta = {
      kind: 'decision',
      op: 'decrypt',
      rule: '33',
      actor: 'User',
      principal: p.name,
      call: 'decryptPartition',
    };
    b.add({
      id: `Decrypt_C/${p.name}`,
      name: 'Decrypt_C',
      inputs: [...inputs, inhibit(place, 'known', plaintext('known'))],
      guard,
      outputs: [put(place, opened)],
      meta,
    });
    b.add({
      id: `Decrypt_C_again/${p.name}`,
      name: 'Decrypt_C',
      inputs: [...inputs, consume(place, 'known')],
      guard: and(guard, plaintext('known')),
      outputs: [put(place, opened)],
      meta: { ...meta, refresh: 'true' },
    });
  }
}
