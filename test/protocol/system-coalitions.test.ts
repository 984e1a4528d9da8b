import { describe, expect, it } from 'vitest';
import { knows } from '../../src/protocol/knowledge.ts';
import { ALL_PARTITIONS, alice, bob, f1, insurance, medical, value, world } from './fixtures.ts';

describe('who can read what, found by trying the pooled keys (SPEC P4–P6)', () => {
  it('the cloud alone holds every ciphertext and opens none', () => {
    const system = world({ seed: 'cloud' });
    value(system.upload({ owner: alice, file: f1 }));
    const store = system.readStore();
    expect(store.map((o) => o.partition).sort()).toEqual([...ALL_PARTITIONS].sort());
    for (const o of store) {
      expect(system.coalitionDecrypt(['cloud'], o)).toEqual({ kind: 'cannot', reason: 'no-key' });
    }
    expect(system.knowledge('cloud').filter((f) => f.kind === 'plaintext')).toEqual([]);
  });

  it('the SRS alone holds every secret key and R_P but no ciphertext, so it opens nothing', () => {
    const system = world({ seed: 'srs' });
    value(system.upload({ owner: alice, file: f1 }));
    for (const subject of [alice, bob]) {
      expect(knows(system.knowledge('srs'), { kind: 'secret-key', subject })).toBe(true);
    }
    for (const partition of ALL_PARTITIONS) {
      const ref = { file: f1, partition, version: 1 };
      expect(system.coalitionDecrypt(['srs'], ref)).toEqual({ kind: 'cannot', reason: 'no-ciphertext' });
    }
  });

  it('the SRS and the cloud colluding read every partition (P6 is violated by the scheme)', () => {
    const system = world({ seed: 'collusion' });
    value(system.upload({ owner: alice, file: f1 }));
    for (const partition of ALL_PARTITIONS) {
      const ref = { file: f1, partition, version: 1 };
      const read = system.coalitionDecrypt(['srs', 'cloud'], ref);
      expect(read).toMatchObject({ kind: 'decrypted', via: 'owner-parameter' });
      expect(read.kind === 'decrypted' && read.plaintext).toEqual(system.ownerPlaintext(alice, ref));
    }
    const pooled = system.coalitionKnowledge(['srs', 'cloud']);
    expect(pooled.filter((f) => f.kind === 'plaintext')).toHaveLength(4);
    expect(system.coalitionKnowledge(['srs']).filter((f) => f.kind === 'plaintext')).toEqual([]);
  });

  it('a user with the cloud reads what it was granted and nothing else', () => {
    const system = world({ seed: 'insider' });
    value(system.upload({ owner: alice, file: f1 }));
    value(system.request({ user: bob, file: f1, partition: medical }));
    expect(
      system.coalitionDecrypt([bob, 'cloud'], { file: f1, partition: medical, version: 1 }),
    ).toMatchObject({
      kind: 'decrypted',
      via: 'user-parameter',
    });
    expect(system.coalitionCanDecrypt([bob, 'cloud'], { file: f1, partition: insurance, version: 1 })).toBe(
      false,
    );
    expect(
      system.coalitionCanDecrypt(['ca', 'tpa', 'time-server', 'admin', 'cloud'], {
        file: f1,
        partition: medical,
        version: 1,
      }),
    ).toBe(false);
  });

  it('partitions sharing an access level share K: R for one opens the other', () => {
    const labs = 'labs' as never;
    const system = world({ seed: 'shared-level' });
    value(
      system.setPartitions({
        owner: alice,
        partitions: new Map([
          [medical, 2],
          [labs, 2],
          [insurance, 3],
        ]),
      }),
    );
    value(system.upload({ owner: alice, file: f1 }));
    value(system.request({ user: bob, file: f1, partition: medical }));
    value(system.download({ user: bob, file: f1 }));
    expect(system.coalitionCanDecrypt([bob], { file: f1, partition: labs, version: 1 })).toBe(true);
    expect(system.coalitionCanDecrypt([bob], { file: f1, partition: insurance, version: 1 })).toBe(false);
  });

  it('an owner knows its key, its R_P, its plaintexts and its OTP secret', () => {
    const system = world({ seed: 'owner-knows' });
    value(system.upload({ owner: alice, file: f1 }));
    const k = system.knowledge(alice);
    expect(knows(k, { kind: 'secret-key', subject: alice })).toBe(true);
    expect(knows(k, { kind: 'otp-secret', subject: alice })).toBe(true);
    for (const partition of ALL_PARTITIONS) {
      expect(knows(k, { kind: 'plaintext', file: f1, partition, version: 1 })).toBe(true);
      expect(knows(k, { kind: 'parameter', subject: alice, file: f1, partition, version: 1 })).toBe(true);
    }
  });
});
