import { describe, expect, it } from 'vitest';
import { principalId } from '../../src/protocol/ids.ts';
import { alice, bob, f1, mallory, medical, reason, value, world } from './fixtures.ts';

describe('time windows (SPEC P10)', () => {
  it('refuses parameters outside [start, end] of the signed time, ends included', () => {
    const system = world({ seed: 'window' });
    const t0 = system.now();
    value(system.upload({ owner: alice, file: f1, window: { start: t0 + 3600, end: t0 + 7200 } }));
    expect(system.windowOf(f1)).toEqual({ start: t0 + 3600, end: t0 + 7200 });
    expect(reason(system.request({ user: bob, file: f1, partition: medical }))).toBe('outside-window');
    value(system.tick({ seconds: 3600 }));
    value(system.request({ user: bob, file: f1, partition: medical }));
    value(system.tick({ seconds: 3600 }));
    value(system.request({ user: bob, file: f1, partition: medical }));
    value(system.tick({ seconds: 1 }));
    const late = system.request({ user: bob, file: f1, partition: medical });
    expect(late).toMatchObject({ kind: 'denied', reason: 'outside-window' });
    expect(late.kind === 'denied' && late.detail).toContain(`signed time ${t0 + 7201}`);
    value(system.window({ owner: alice, file: f1, start: t0, end: t0 + 86_400 }));
    value(system.request({ user: bob, file: f1, partition: medical }));
    expect(reason(system.window({ owner: bob, file: f1, start: t0, end: t0 }))).toBe('not-owner');
    expect(() => system.window({ owner: alice, file: f1, start: t0 + 1, end: t0 })).toThrow(RangeError);
  });
});

describe('registration and certificates (SPEC P13)', () => {
  it('an unapproved, rejected or unregistered principal gets nothing', () => {
    const system = world({ seed: 'unapproved' });
    value(system.upload({ owner: alice, file: f1 }));
    value(system.register({ principal: mallory, role: 'doctor' }));
    expect(reason(system.request({ user: mallory, file: f1, partition: medical }))).toBe('unapproved');
    expect(reason(system.download({ user: mallory, file: f1 }))).toBe('unapproved');
    expect(reason(system.join({ owner: alice, user: mallory }))).toBe('unapproved');
    expect(reason(system.genKeys({ principal: mallory }))).toBe('unapproved');
    value(system.reject({ principal: mallory }));
    expect(reason(system.approve({ principal: mallory }))).toBe('out-of-order');
    expect(reason(system.request({ user: mallory, file: f1, partition: medical }))).toBe('unapproved');
    const ghost = principalId('ghost');
    expect(reason(system.request({ user: ghost, file: f1, partition: medical }))).toBe('unknown-principal');
    expect(reason(system.download({ user: ghost, file: f1 }))).toBe('unknown-principal');
    expect(system.knowledge(mallory)).toEqual([]);
    expect(reason(system.register({ principal: mallory, role: 'owner' }))).toBe('already-exists');
  });

  it('a revoked or expired certificate gets nothing from the SRS or the cloud', () => {
    const system = world({ seed: 'certificates', certificateValidity: 86_400 });
    value(system.upload({ owner: alice, file: f1 }));
    value(system.revokeCertificate({ principal: bob }));
    expect(reason(system.request({ user: bob, file: f1, partition: medical }))).toBe('bad-certificate');
    expect(reason(system.download({ user: bob, file: f1 }))).toBe('bad-certificate');
    expect(system.knowledge(bob)).toEqual([{ kind: 'secret-key', subject: bob }]);

    value(system.tick({ seconds: 86_401 }));
    const expired = system.request({ user: principalId('dave'), file: f1, partition: medical });
    expect(expired).toMatchObject({ kind: 'denied', reason: 'bad-certificate' });
    expect(expired.kind === 'denied' && expired.detail).toContain('expired');
    expect(reason(system.update({ owner: alice, file: f1, partition: medical }))).toBe('bad-certificate');
  });

  it('issues each principal one certificate binding its id, role and the SRS-made public key', () => {
    const system = world({ seed: 'issue' });
    const view = system.principals();
    expect(view.map((p) => [p.principal, p.role, p.status, p.hasKeys, p.certificate])).toEqual([
      ['alice', 'owner', 'approved', true, '1'],
      ['bob', 'doctor', 'approved', true, '2'],
      ['carol', 'pharmacist', 'approved', true, '3'],
      ['dave', 'doctor', 'approved', true, '4'],
    ]);
    expect(reason(system.issueCertificate({ principal: bob }))).toBe('already-exists');
    expect(reason(system.genKeys({ principal: bob }))).toBe('already-exists');
  });
});
