import { describe, expect, it } from 'vitest';
import { keywordsOf } from '../../src/protocol/phr/synthetic.ts';
import { alice, bob, carol, dave, f1, insurance, medical, reason, value, world } from './fixtures.ts';

describe('keyword search over encrypted partitions (SPEC 3.2)', () => {
  it('finds a keyword of a granted partition, finds nothing for an absent one, and refuses the ungranted', () => {
    const system = world({ seed: 'search', uploadBytes: 4096 });
    value(system.upload({ owner: alice, file: f1 }));
    const keyword = keywordsOf(
      system.ownerPlaintext(alice, { file: f1, partition: medical, version: 1 })!,
    )[0]!;
    expect(reason(system.search({ user: bob, keyword }))).toBe('not-in-acl');
    value(system.request({ user: bob, file: f1, partition: medical }));
    expect(value(system.search({ user: bob, keyword: keyword.toUpperCase() }))).toEqual([
      { file: f1, partition: medical, version: 1 },
    ]);
    expect(value(system.search({ user: bob, keyword: 'no such condition anywhere' }))).toEqual([]);
    value(system.request({ user: carol, file: f1, partition: insurance }));
    expect(value(system.search({ user: carol, keyword }))).toEqual([]);
    expect(value(system.search({ user: alice, keyword }))).toContainEqual({
      file: f1,
      partition: medical,
      version: 1,
    });
    // A new version has a new search key: the R of version 1 makes no trapdoor for it.
    value(system.update({ owner: alice, file: f1, partition: medical }));
    expect(reason(system.search({ user: bob, keyword }))).toBe('not-in-acl');
  });
});

describe('forwarding between doctors through the owner’s policy', () => {
  it('hands R to the target doctor only when the owner’s ACL grants it', () => {
    const system = world({ seed: 'forward' });
    value(system.upload({ owner: alice, file: f1 }));
    const issued = value(system.forward({ from: bob, to: dave, file: f1, partition: medical }));
    expect(issued).toMatchObject({ subject: dave, owner: alice, file: f1, partition: medical, version: 1 });
    expect(value(system.decrypt({ user: dave, file: f1, partition: medical }))).toEqual(
      system.ownerPlaintext(alice, { file: f1, partition: medical, version: 1 }),
    );
    expect(reason(system.forward({ from: bob, to: carol, file: f1, partition: medical }))).toBe('not-in-acl');
    expect(reason(system.forward({ from: bob, to: dave, file: f1, partition: insurance }))).toBe(
      'not-in-acl',
    );
    expect(reason(system.forward({ from: carol, to: dave, file: f1, partition: insurance }))).toBe(
      'not-in-acl',
    );
    value(system.revoke({ owner: alice, user: dave }));
    expect(reason(system.forward({ from: bob, to: dave, file: f1, partition: medical }))).toBe('revoked');
    expect(system.refusals('srs').at(-1)).toMatchObject({
      actor: bob,
      operation: 'forward',
      reason: 'revoked',
    });
  });
});
