import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USER_ROLES } from '../../src/protocol/ids.ts';
import {
  ALL_PARTITIONS,
  alice,
  bob,
  carol,
  f1,
  insurance,
  medical,
  personal,
  prescription,
  reason,
  value,
  world,
} from './fixtures.ts';

describe('access control at the SRS and in the tag check (SPEC P1–P3)', () => {
  it('a granted user decrypts exactly what the owner uploaded, for every partition it is granted', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1024, max: 4096 }),
        fc.subarray([...ALL_PARTITIONS], { minLength: 1 }),
        (seed, size, granted) => {
          const system = world({ seed });
          value(system.grant({ owner: alice, user: bob, partitions: granted }));
          value(system.upload({ owner: alice, file: f1, size }));
          for (const partition of granted) {
            const issued = value(system.request({ user: bob, file: f1, partition }));
            expect(issued).toMatchObject({ owner: alice, subject: bob, file: f1, partition, version: 1 });
            const plaintext = value(system.decrypt({ user: bob, file: f1, partition }));
            expect(plaintext).toEqual(system.ownerPlaintext(alice, { file: f1, partition, version: 1 }));
          }
        },
      ),
      { numRuns: 4 },
    );
  });

  it('a user never decrypts a partition it was not granted: refused at the SRS, and no key it holds opens it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.constantFrom(personal, medical),
        (seed, target) => {
          const system = world({ seed, uploadBytes: 1024 });
          value(system.upload({ owner: alice, file: f1 }));
          // carol (pharmacist) holds R for everything her role is granted...
          for (const partition of [insurance, prescription])
            value(system.request({ user: carol, file: f1, partition }));
          expect(reason(system.request({ user: carol, file: f1, partition: target }))).toBe('not-in-acl');
          // ...and the ciphertext itself is hers for the asking, but nothing she holds opens it.
          value(system.download({ user: carol, file: f1 }));
          expect(reason(system.decrypt({ user: carol, file: f1, partition: target }))).toBe('no-parameter');
          expect(system.coalitionDecrypt([carol], { file: f1, partition: target, version: 1 })).toEqual({
            kind: 'cannot',
            reason: 'no-key',
          });
          expect(system.coalitionCanDecrypt([carol], { file: f1, partition: insurance, version: 1 })).toBe(
            true,
          );
        },
      ),
      { numRuns: 4 },
    );
  });

  it('checks the role at request time: a withdrawn grant is refused, a new one honoured', () => {
    const system = world({ seed: 'grants' });
    value(system.upload({ owner: alice, file: f1 }));
    value(system.request({ user: bob, file: f1, partition: medical }));
    value(system.ungrant({ owner: alice, role: 'doctor', partitions: [medical] }));
    expect(reason(system.request({ user: bob, file: f1, partition: medical }))).toBe('not-in-acl');
    expect(reason(system.request({ user: bob, file: f1, partition: prescription }))).toBe('not-in-acl');
    value(system.grant({ owner: alice, user: bob, partitions: [prescription] }));
    value(system.request({ user: bob, file: f1, partition: prescription }));
    expect(
      reason(system.grant({ owner: alice, role: 'doctor', partitions: [personal, 'x-rays' as never] })),
    ).toBe('unknown-partition');
  });

  it('refuses parameters of a file, partition or version that does not exist', () => {
    const system = world({ seed: 'missing' });
    value(system.upload({ owner: alice, file: f1 }));
    expect(reason(system.request({ user: bob, file: 'f2' as never, partition: medical }))).toBe(
      'unknown-file',
    );
    expect(reason(system.request({ user: bob, file: f1, partition: 'x-rays' as never }))).toBe(
      'unknown-partition',
    );
    expect(reason(system.request({ user: bob, file: f1, partition: medical, version: 2 }))).toBe(
      'unknown-file',
    );
  });

  it('the owner decrypts its own data from the cloud with its own R_P', () => {
    const system = world({ seed: 'owner' });
    value(system.upload({ owner: alice, file: f1 }));
    for (const partition of ALL_PARTITIONS) {
      expect(value(system.decrypt({ user: alice, file: f1, partition }))).toEqual(
        system.ownerPlaintext(alice, { file: f1, partition, version: 1 }),
      );
    }
  });

  it('every user role is served only through a grant', () => {
    for (const role of USER_ROLES) {
      const system = world({ seed: `role-${role}`, uploadBytes: 1024 });
      const user = `u-${role}` as never;
      value(system.register({ principal: user, role }));
      value(system.approve({ principal: user }));
      value(system.join({ owner: alice, user, role }));
      value(system.upload({ owner: alice, file: f1 }));
      const outcome = system.request({ user, file: f1, partition: personal });
      expect(outcome.kind === 'ok' ? 'ok' : outcome.reason).toBe(role === 'doctor' ? 'ok' : 'not-in-acl');
    }
  });
});
