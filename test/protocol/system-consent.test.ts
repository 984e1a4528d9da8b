import { describe, expect, it } from 'vitest';
import { knows } from '../../src/protocol/knowledge.ts';
import { alice, bob, f1, medical, reason, value, world } from './fixtures.ts';

describe('OTP download consent (SPEC 3.2, P12)', () => {
  it('secure: the requester never sees a code and downloads only after the owner’s consent, once', () => {
    const system = world({ seed: 'consent' });
    value(system.upload({ owner: alice, file: f1, consent: true }));
    expect(value(system.requestConsent({ user: bob, file: f1 }))).toEqual({
      file: f1,
      requester: bob,
      required: true,
    });
    expect(system.pendingConsents(alice)).toHaveLength(1);
    expect(system.knowledge(bob).some((f) => f.kind === 'otp')).toBe(false);
    expect(reason(system.download({ user: bob, file: f1 }))).toBe('no-consent');
    expect(reason(system.download({ user: bob, file: f1, otp: '000000' }))).toBe('bad-otp');

    expect(value(system.consent({ owner: alice, user: bob, file: f1 }))).toMatchObject({
      file: f1,
      user: bob,
    });
    expect(system.pendingConsents(alice)).toHaveLength(0);
    expect(value(system.download({ user: bob, file: f1 }))).toHaveLength(4);
    expect(reason(system.download({ user: bob, file: f1 }))).toBe('no-consent');
    // The owner downloads its own file without anyone's consent.
    value(system.download({ user: alice, file: f1 }));
  });

  it("'otp-leak': the server returns the owner's code and the requester downloads without the owner", () => {
    const system = world({ seed: 'consent', variant: 'otp-leak' });
    value(system.upload({ owner: alice, file: f1, consent: true }));
    const answer = value(system.requestConsent({ user: bob, file: f1 }));
    expect(answer.code).toMatch(/^\d{6}$/);
    expect(knows(system.knowledge(bob), { kind: 'otp', file: f1, subject: bob })).toBe(true);
    const downloaded = value(system.download({ user: bob, file: f1 }));
    expect(downloaded.map((c) => c.partition)).toContain(medical);
    // One-time: the same code replayed is refused.
    expect(reason(system.download({ user: bob, file: f1 }))).toBe('bad-otp');
    expect(system.attackLog().at(-1)).toMatchObject({
      actor: bob,
      operation: 'download',
      refusedBy: 'cloud',
    });
  });

  it('refuses a wrong code or a non-owner, and a consent given stays good until it is used', () => {
    const system = world({ seed: 'consent-codes' });
    value(system.upload({ owner: alice, file: f1, consent: true }));
    expect(reason(system.consent({ owner: alice, user: bob, file: f1, code: '12345' }))).toBe('bad-otp');
    expect(reason(system.consent({ owner: bob, user: bob, file: f1 }))).toBe('not-owner');
    value(system.consent({ owner: alice, user: bob, file: f1 }));
    value(system.tick({ seconds: 120 }));
    value(system.download({ user: bob, file: f1 }));
  });

  it('a file without consent needs none, and consent can be required later', () => {
    const system = world({ seed: 'consent-later' });
    value(system.upload({ owner: alice, file: f1 }));
    expect(value(system.requestConsent({ user: bob, file: f1 })).required).toBe(false);
    value(system.download({ user: bob, file: f1 }));
    value(system.setConsent({ owner: alice, file: f1, required: true }));
    expect(reason(system.download({ user: bob, file: f1 }))).toBe('no-consent');
  });
});
