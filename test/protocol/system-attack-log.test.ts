import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileId, principalId } from '../../src/protocol/ids.ts';
import type { Outcome } from '../../src/protocol/outcome.ts';
import type { SeSphrSystem } from '../../src/protocol/system.ts';
import { VARIANTS } from '../../src/protocol/variant.ts';
import {
  ALL_PARTITIONS,
  alice,
  bob,
  carol,
  dave,
  f1,
  mallory,
  medical,
  reason,
  value,
  world,
} from './fixtures.ts';

const f2 = fileId('f2');
const ghost = principalId('ghost');
const users = fc.constantFrom(bob, carol, dave, mallory, ghost, alice);
const files = fc.constantFrom(f1, f2, fileId('f3'));
const partitions = fc.constantFrom(...ALL_PARTITIONS, 'x-rays' as never);

/** One operation of a random sequence, as a name and a call. */
type Step = readonly [string, (s: SeSphrSystem) => Outcome<unknown>];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc
    .tuple(users, files, partitions)
    .map(
      ([user, file, partition]): Step => [
        `request ${user} ${file}/${partition}`,
        (s) => s.request({ user, file, partition }),
      ],
    ),
  fc
    .tuple(users, files, fc.option(fc.constantFrom('000000', '123456'), { nil: undefined }))
    .map(
      ([user, file, otp]): Step => [
        `download ${user} ${file}`,
        (s) => s.download(otp === undefined ? { user, file } : { user, file, otp }),
      ],
    ),
  fc
    .tuple(users, files, partitions)
    .map(
      ([user, file, partition]): Step => [
        `decrypt ${user} ${file}/${partition}`,
        (s) => s.decrypt({ user, file, partition }),
      ],
    ),
  users.map((user): Step => [`revoke ${user}`, (s) => s.revoke({ owner: alice, user })]),
  users.map((user): Step => [`join ${user}`, (s) => s.join({ owner: alice, user })]),
  users.map((user): Step => [`revoke-certificate ${user}`, (s) => s.revokeCertificate({ principal: user })]),
  fc
    .tuple(files, partitions)
    .map(
      ([file, partition]): Step => [
        `update ${file}/${partition}`,
        (s) => s.update({ owner: alice, file, partition }),
      ],
    ),
  fc
    .constantFrom(0, 60, 3600, 400 * 86_400)
    .map((seconds): Step => [`tick ${seconds}`, (s) => s.tick({ seconds })]),
  fc
    .tuple(users, files)
    .map(
      ([user, file]): Step => [`request-consent ${user} ${file}`, (s) => s.requestConsent({ user, file })],
    ),
  fc
    .tuple(users, users, files)
    .map(
      ([owner, user, file]): Step => [
        `consent ${owner} ${user} ${file}`,
        (s) => s.consent({ owner, user, file }),
      ],
    ),
  fc
    .tuple(users, fc.constantFrom('hypertension', 'nothing-like-it'))
    .map(([user, keyword]): Step => [`search ${user} ${keyword}`, (s) => s.search({ user, keyword })]),
  fc
    .tuple(users, users, partitions)
    .map(
      ([from, to, partition]): Step => [
        `forward ${from} ${to} ${partition}`,
        (s) => s.forward({ from, to, file: f1, partition }),
      ],
    ),
  files.map((file): Step => [`tamper ${file}`, (s) => s.tamper({ file })]),
  files.map((file): Step => [`audit ${file}`, (s) => s.audit({ file })]),
);

describe('attack tracking (SPEC 3.2)', () => {
  it('every refusal, and nothing else, lands in the attack log with its reason, detail and time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VARIANTS),
        fc.array(step, { minLength: 1, maxLength: 14 }),
        (variant, steps) => {
          const system = world({ seed: `attack-${variant}`, variant, uploadBytes: 1024 });
          value(system.register({ principal: mallory, role: 'researcher' }));
          value(system.upload({ owner: alice, file: f1 }));
          value(system.upload({ owner: alice, file: f2, consent: true }));
          for (const [name, run] of steps) {
            const before = system.attackLog().length;
            const outcome = run(system);
            const log = system.attackLog();
            if (outcome.kind === 'denied') {
              expect(log.length, name).toBe(before + 1);
              expect(log.at(-1), name).toMatchObject({
                reason: outcome.reason,
                detail: outcome.detail,
                time: system.now(),
              });
            } else if (!name.startsWith('audit')) {
              expect(log.length, name).toBe(before);
            }
            expect(system.verifyAuditLog().kind).toBe('intact');
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it('flags attackers by name in the cloud’s view and keeps the SRS’s refusals apart', () => {
    const system = world({ seed: 'attackers' });
    value(system.upload({ owner: alice, file: f1 }));
    reason(system.request({ user: carol, file: f1, partition: medical }));
    reason(system.request({ user: carol, file: f1, partition: 'personal' as never }));
    reason(system.download({ user: ghost, file: f1 }));
    expect(system.attackers()).toEqual([
      { actor: carol, refusals: 2, reasons: ['not-in-acl'] },
      { actor: ghost, refusals: 1, reasons: ['unknown-principal'] },
    ]);
    expect(system.refusals('srs').map((e) => e.actor)).toEqual([carol, carol]);
    expect(system.refusals('cloud').map((e) => e.actor)).toEqual([ghost]);
    expect(system.transactions().at(-1)).toMatchObject({
      actor: ghost,
      operation: 'download',
      outcome: 'unknown-principal',
    });
    value(system.download({ user: bob, file: f1 }));
    expect(system.users()).toEqual([{ principal: bob, role: 'doctor' }]);
    expect(system.dataProviders()).toEqual([{ owner: alice, files: 1 }]);
    expect(system.storedReports().map((r) => r.file)).toEqual([f1]);
    expect(value(system.reports({ owner: alice })).map((r) => r.partitions.length)).toEqual([4]);
  });

  it('replays a whole run from its seed', () => {
    const run = () => {
      const system = world({ seed: 'replay', buckets: 3 });
      value(system.upload({ owner: alice, file: f1 }));
      value(system.request({ user: bob, file: f1, partition: medical }));
      system.tamper({ file: f1 });
      return { store: system.readStore(), log: system.auditLog(), attack: system.attackLog() };
    };
    expect(run()).toEqual(run());
    const other = world({ seed: 'replay-2', buckets: 3 });
    value(other.upload({ owner: alice, file: f1 }));
    expect(other.readStore()[0]!.sealed).not.toEqual(run().store[0]!.sealed);
  });
});
