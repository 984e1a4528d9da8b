import { describe, expect, it } from 'vitest';
import { gtEquals, ownerDecapsulate, sessionKey } from '../../src/protocol/crypto/sesphr-kem.ts';
import { principalId } from '../../src/protocol/ids.ts';
import { createSystem } from '../../src/protocol/system.ts';
import { ALL_PARTITIONS, alice, bob, f1, medical, personal, reason, value, world } from './fixtures.ts';

describe('the fine-grained steps mirror the paper’s rules 23–33', () => {
  it('runs keys (23, 24), upload (25–29), download (30), parameters (31) and decryption (33) one at a time', () => {
    const system = createSystem({ seed: 'rules', uploadBytes: 1024 });
    value(system.register({ principal: alice, role: 'owner' }));
    value(system.approveRegistration({ principal: alice }));
    expect(reason(system.sendKeys({ principal: alice }))).toBe('out-of-order');
    expect(reason(system.issueCertificate({ principal: alice }))).toBe('out-of-order');
    const keys = value(system.genKeys({ principal: alice }));
    expect(value(system.sendKeys({ principal: alice }))).toBe(keys);
    const certificate = value(system.issueCertificate({ principal: alice }));
    expect(certificate).toMatchObject({ subject: alice, role: 'owner', notBefore: system.now() });

    const draft = value(system.prepareUpload({ owner: alice, file: f1 }));
    expect(draft).toMatchObject({ file: f1, kind: 'upload', levels: [1, 2, 3, 4] });
    expect(draft.partitions.map((p) => [p.partition, p.level, p.version])).toEqual(
      ALL_PARTITIONS.map((p, i) => [p, i + 1, 1]),
    );
    expect(reason(system.encryptPartition({ owner: alice, file: f1, partition: medical }))).toBe(
      'out-of-order',
    );
    expect(reason(system.sendCiphertext({ owner: alice, file: f1, partition: medical }))).toBe(
      'out-of-order',
    );
    const { r } = value(system.drawR({ owner: alice, file: f1, level: 2 }));
    expect(reason(system.drawR({ owner: alice, file: f1, level: 2 }))).toBe('out-of-order');
    expect(reason(system.drawR({ owner: alice, file: f1, level: 9 }))).toBe('unknown-partition');
    const sealed = value(system.encryptPartition({ owner: alice, file: f1, partition: medical }));
    expect(sealed).toMatchObject({ file: f1, partition: medical, version: 1 });
    expect(reason(system.sendR({ owner: alice, file: f1, partition: medical }))).toBe('out-of-order');
    const { rP } = value(system.computeR({ owner: alice, file: f1, level: 2 }));
    expect(gtEquals(ownerDecapsulate(rP, keys.sk), sessionKey(r))).toBe(true);
    expect(value(system.sendCiphertext({ owner: alice, file: f1, partition: medical }))).toMatchObject({
      file: f1,
      partition: medical,
      version: 1,
      length: sealed.sealed.length,
      buckets: [0],
    });
    value(system.sendR({ owner: alice, file: f1, partition: medical }));
    // The other partitions are still in the draft; the upload completes when all went out.
    expect(system.storedReports()[0]!.partitions.map((p) => p.partition)).toEqual([medical]);
    expect(system.draft(alice, f1)?.partitions).toHaveLength(4);
    expect(system.ownerFiles(alice)).toEqual([]);

    const bobby = principalId('bobby');
    value(system.register({ principal: bobby, role: 'doctor' }));
    value(system.approve({ principal: bobby }));
    value(system.join({ owner: alice, user: bobby }));
    value(system.grant({ owner: alice, role: 'doctor', partitions: [medical] }));
    expect(reason(system.decryptPartition({ user: bobby, file: f1, partition: medical }))).toBe(
      'out-of-order',
    );
    const [downloaded] = value(system.download({ user: bobby, file: f1, partition: medical }));
    expect(downloaded!.sealed).toEqual(sealed.sealed);
    expect(reason(system.decryptPartition({ user: bobby, file: f1, partition: medical }))).toBe(
      'no-parameter',
    );
    value(system.request({ user: bobby, file: f1, partition: medical }));
    expect(value(system.decryptPartition({ user: bobby, file: f1, partition: medical }))).toEqual(
      system.ownerPlaintext(alice, { file: f1, partition: medical, version: 1 }),
    );
  });

  it('an update is a new version under a fresh r, and the old version stays stored', () => {
    const system = world({ seed: 'versions' });
    value(system.upload({ owner: alice, file: f1 }));
    const receipt = value(system.update({ owner: alice, file: f1, partition: personal }));
    expect(receipt.partitions.map((p) => [p.partition, p.version])).toEqual([[personal, 2]]);
    expect(system.draft(alice, f1)).toBeUndefined();
    expect(system.ownerFiles(alice)[0]!.partitions.find((p) => p.partition === personal)).toEqual({
      partition: personal,
      level: 1,
      current: 2,
      versions: [1, 2],
    });
    const v1 = system.ownerPlaintext(alice, { file: f1, partition: personal, version: 1 });
    const v2 = system.ownerPlaintext(alice, { file: f1, partition: personal, version: 2 });
    expect(v2).not.toEqual(v1);
    expect(value(system.request({ user: bob, file: f1, partition: personal, version: 1 })).version).toBe(1);
    expect(value(system.decrypt({ user: bob, file: f1, partition: personal, version: 1 }))).toEqual(v1);
    expect(reason(system.decrypt({ user: bob, file: f1, partition: personal }))).toBe('tag-check-failed');
    value(system.request({ user: bob, file: f1, partition: personal }));
    expect(value(system.decrypt({ user: bob, file: f1, partition: personal }))).toEqual(v2);
    expect(reason(system.update({ owner: alice, file: f1, partition: 'x-rays' as never }))).toBe(
      'unknown-partition',
    );
    expect(reason(system.update({ owner: bob, file: f1, partition: personal }))).toBe('not-owner');
    expect(reason(system.upload({ owner: alice, file: f1 }))).toBe('already-exists');
  });

  it('keeps an uploaded file id to its owner', () => {
    const system = world({ seed: 'file-ids' });
    const olga = principalId('olga');
    value(system.register({ principal: olga, role: 'owner' }));
    value(system.approve({ principal: olga }));
    value(system.upload({ owner: alice, file: f1 }));
    expect(reason(system.upload({ owner: olga, file: f1 }))).toBe('already-exists');
    expect(reason(system.delete({ owner: olga, file: f1 }))).toBe('not-owner');
  });
});
