import { describe, expect, it } from 'vitest';
import { factKey } from '../../../src/protocol/knowledge.ts';
import { knowledgeOfMarking, type NetOp, type NetWorld } from '../../../src/protocol/net/index.ts';
import { CLINIC, drive, firedIds, START, upload, worldWith } from './fixtures.ts';

/** CLINIC with dave (a second doctor), olga (an owner awaiting the admin), eve (not registered). */
const WORLD: NetWorld = worldWith(CLINIC, {
  start: START,
  principals: [
    ...CLINIC.principals,
    { name: 'dave', role: 'doctor', status: 'approved' },
    { name: 'olga', role: 'owner', status: 'pending' },
    { name: 'eve', role: 'doctor', status: 'unregistered' },
  ],
});

const req = (user: string, partition: string, version?: number): NetOp => ({
  op: 'request',
  user,
  file: 'f1',
  partition,
  ...(version === undefined ? {} : { version }),
});
const dec = (user: string, partition: string, version?: number): NetOp => ({
  op: 'decrypt',
  user,
  file: 'f1',
  partition,
  ...(version === undefined ? {} : { version }),
});

describe('scenario operations on the net', () => {
  it("runs the issue's example: a revoked doctor's cached R opens the old version, not the new one", () => {
    const ops: NetOp[] = [
      upload(),
      req('bob', 'medical'),
      dec('bob', 'medical'),
      { op: 'revoke', owner: 'alice', user: 'bob' },
      { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
      dec('bob', 'medical'),
      dec('bob', 'medical', 1),
    ];
    const { words, runs } = drive(WORLD, ops);
    expect(words).toEqual(['ok', 'granted', 'ok', 'ok', 'ok', 'fails:tag-check-failed', 'ok']);
    expect(firedIds(runs[0])).toEqual([
      'Prepare_upload/alice',
      ...Array(4).fill('Gen_ri'),
      ...Array(4).fill('Encrypt_Pi'),
      ...Array(4).fill('Compt_R'),
      ...Array(4).fill('Send_C'),
      ...Array(4).fill('Send_Ri/alice'),
      ...Array(4).fill('Drop_r'),
      'Upload_done',
    ]);
    expect(firedIds(runs[2])).toEqual(['D_C_open', 'D_C/bob', 'D_C_close', 'Decrypt_C/bob']);
    expect(firedIds(runs[4])).toEqual([
      'Prepare_update/alice',
      'Gen_ri',
      'Encrypt_Pi',
      'Compt_R',
      'Send_C',
      'Send_Ri/alice',
      'Drop_r',
    ]);
    expect(firedIds(runs[5])).toEqual([
      'D_C_open',
      'D_C/bob',
      'D_C_close',
      'Decrypt_F_stale/bob',
      'Log_refusal',
    ]);
    expect(firedIds(runs[6])).toEqual(['Decrypt_C_again/bob']);
  });

  it('in the revocation-keeps-acl variant, the revoked doctor still gets R for the new version', () => {
    const { words } = drive(worldWith(WORLD, { variant: 'revocation-keeps-acl' }), [
      upload(),
      { op: 'revoke', owner: 'alice', user: 'bob' },
      { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
      req('bob', 'medical'),
      dec('bob', 'medical'),
    ]);
    expect(words).toEqual(['ok', 'ok', 'ok', 'granted', 'ok']);
  });

  it('decrypts only with a key pair, an R and an intact ciphertext', () => {
    const { words } = drive(WORLD, [
      upload(),
      dec('carol', 'medical'),
      dec('eve', 'medical'),
      dec('alice', 'medical'),
      req('bob', 'personal'),
      dec('bob', 'personal'),
      { op: 'tamper', file: 'f1', partition: 'medical' },
      req('bob', 'medical'),
      dec('bob', 'medical'),
      { op: 'download', user: 'bob', file: 'f1' },
    ]);
    expect(words).toEqual([
      'ok',
      'fails:no-parameter',
      'fails:unknown-principal',
      'ok',
      'granted',
      'ok',
      'ok',
      'granted',
      'fails:tag-check-failed',
      'ok',
    ]);
  });

  it('registers, approves and rejects through the admin, keys and certificate included', () => {
    const { words, runs, marking, net } = drive(WORLD, [
      { op: 'register', principal: 'eve', role: 'doctor' },
      { op: 'register', principal: 'eve', role: 'doctor' },
      { op: 'approve', principal: 'eve' },
      { op: 'approve', principal: 'eve' },
      { op: 'reject', principal: 'olga' },
      { op: 'reject', principal: 'olga' },
      { op: 'approve', principal: 'dave' },
    ]);
    expect(words).toEqual([
      'ok',
      'denied:already-exists',
      'ok',
      'denied:out-of-order',
      'ok',
      'denied:out-of-order',
      'denied:out-of-order',
    ]);
    expect(firedIds(runs[2])).toEqual(['Approve', 'Gen_Keys', 'Send_Keys/eve', 'Issue_cert']);
    expect(knowledgeOfMarking(net, marking, 'eve').map(factKey)).toEqual(['secret-key(eve)']);
  });

  it('approving an owner during the run puts its policy in force: the start group joins', () => {
    const { words, runs } = drive(WORLD, [{ op: 'approve', principal: 'olga' }]);
    expect(words).toEqual(['ok']);
    expect(firedIds(runs[0])).toEqual([
      'Approve',
      'Gen_Keys',
      'Send_Keys/olga',
      'Issue_cert',
      'Join',
      'Join',
      'Join',
    ]);
  });

  it('joins a user only with a valid certificate for the role named, not an owner, not twice', () => {
    const { words } = drive(WORLD, [
      { op: 'register', principal: 'eve', role: 'doctor' },
      { op: 'join', owner: 'alice', user: 'eve', role: 'doctor' },
      { op: 'approve', principal: 'eve' },
      { op: 'join', owner: 'alice', user: 'eve', role: 'pharmacist' },
      { op: 'join', owner: 'alice', user: 'eve', role: 'doctor' },
      { op: 'join', owner: 'alice', user: 'eve', role: 'doctor' },
      { op: 'join', owner: 'alice', user: 'alice', role: 'doctor' },
      { op: 'join', owner: 'bob', user: 'eve', role: 'doctor' },
    ]);
    expect(words).toEqual([
      'ok',
      'denied:unapproved',
      'ok',
      'denied:bad-certificate',
      'ok',
      'denied:already-exists',
      'denied:not-in-acl',
      'denied:not-owner',
    ]);
  });

  it('grants to a role and to one user (admitting it), and revocation takes the user’s grants away', () => {
    const { words } = drive(WORLD, [
      upload(),
      req('carol', 'medical'),
      { op: 'grant', owner: 'alice', grantee: { kind: 'role', role: 'pharmacist' }, partitions: ['medical'] },
      req('carol', 'medical'),
      { op: 'revoke', owner: 'alice', user: 'dave' },
      { op: 'grant', owner: 'alice', grantee: { kind: 'user', user: 'dave' }, partitions: ['insurance'] },
      { op: 'register', principal: 'eve', role: 'doctor' },
      { op: 'approve', principal: 'eve' },
      { op: 'grant', owner: 'alice', grantee: { kind: 'user', user: 'eve' }, partitions: ['insurance'] },
      req('eve', 'insurance'),
      req('eve', 'medical'),
      { op: 'revoke', owner: 'alice', user: 'eve' },
      { op: 'join', owner: 'alice', user: 'eve', role: 'doctor' },
    ]);
    expect(words).toEqual([
      'ok',
      'denied:not-in-acl',
      'ok',
      'granted',
      'ok',
      'denied:revoked',
      'ok',
      'ok',
      'ok',
      'granted',
      'granted',
      'ok',
      'denied:revoked',
    ]);
  });

  it('revokes a certificate: its holder gets nothing from the SRS or the cloud', () => {
    const { words } = drive(WORLD, [
      upload(),
      { op: 'revoke-certificate', principal: 'bob' },
      req('bob', 'medical'),
      { op: 'download', user: 'bob', file: 'f1' },
      { op: 'revoke-certificate', principal: 'eve' },
    ]);
    expect(words).toEqual([
      'ok',
      'ok',
      'denied:bad-certificate',
      'denied:bad-certificate',
      'denied:unknown-principal',
    ]);
  });

  it('sets a window and moves the clock', () => {
    const { words } = drive(WORLD, [
      upload(),
      { op: 'window', owner: 'alice', file: 'f1', window: { start: START + 60, end: START + 120 } },
      req('bob', 'medical'),
      { op: 'tick', by: 90 },
      req('bob', 'medical'),
      { op: 'window', owner: 'bob', file: 'f1', window: { start: START + 60, end: START + 120 } },
      { op: 'tick', by: 45 },
    ]);
    expect(words).toEqual(['ok', 'ok', 'denied:outside-window', 'ok', 'granted', 'denied:not-owner', 'ok']);
  });

  it('audits clean, detects a tampered version, and a deleted file id uploaded again audits clean', () => {
    const { words, runs } = drive(WORLD, [
      upload(),
      { op: 'audit', file: 'f1' },
      { op: 'tamper', file: 'f1', partition: 'medical' },
      { op: 'audit', file: 'f1' },
      { op: 'delete', owner: 'alice', file: 'f1' },
      { op: 'audit', file: 'f1' },
      req('bob', 'medical'),
      upload(),
      { op: 'audit', file: 'f1' },
    ]);
    expect(words).toEqual([
      'ok',
      'clean',
      'ok',
      'detected',
      'ok',
      'denied:unknown-file',
      'denied:unknown-file',
      'ok',
      'clean',
    ]);
    expect(firedIds(runs[3])).toEqual(['Audit_detected', 'Log_refusal']);
    expect(firedIds(runs[4]).filter((id) => id.startsWith('Purge/'))).toHaveLength(4 + 4 + 8 + 4 + 4);
  });

  it('lets a consent-protected download through once per owner consent, and refuses a replayed code', () => {
    const { words, runs } = drive(WORLD, [
      upload('f1', true),
      { op: 'download', user: 'bob', file: 'f1' },
      { op: 'consent', owner: 'alice', user: 'bob', file: 'f1' },
      { op: 'consent', owner: 'alice', user: 'bob', file: 'f1' },
      { op: 'download', user: 'bob', file: 'f1' },
      { op: 'download', user: 'bob', file: 'f1' },
      { op: 'download', user: 'alice', file: 'f1' },
    ]);
    expect(words).toEqual([
      'ok',
      'denied:no-consent',
      'ok',
      'denied:bad-otp',
      'ok',
      'denied:no-consent',
      'ok',
    ]);
    expect(firedIds(runs[1])).toEqual(['Ask_consent', 'D_C_F_consent', 'Log_refusal']);
    expect(firedIds(runs[4]).slice(0, 2)).toEqual(['Ask_consent', 'D_C_open_ticket']);
  });

  it('in the otp-leak variant, the cloud hands the requester the code and the download needs no owner', () => {
    const { words, runs, marking, net } = drive(worldWith(WORLD, { variant: 'otp-leak' }), [
      upload('f1', true),
      { op: 'download', user: 'bob', file: 'f1' },
      { op: 'download', user: 'bob', file: 'f1' },
      { op: 'tick', by: 90 },
      { op: 'download', user: 'bob', file: 'f1' },
    ]);
    expect(words).toEqual(['ok', 'ok', 'denied:bad-otp', 'ok', 'ok']);
    expect(firedIds(runs[1]).slice(0, 2)).toEqual(['Ask_consent/bob', 'D_C_open_code/bob']);
    expect(firedIds(runs[2]).slice(0, 2)).toEqual(['Ask_consent_again/bob', 'D_C_F_replay/bob']);
    expect(knowledgeOfMarking(net, marking, 'bob').map(factKey)).toContain('otp(f1,bob)');
  });

  it('searches: found, none, and denied without a trapdoor or a registration', () => {
    const world = worldWith(WORLD, {
      hits: [{ keyword: 'hypertension', file: 'f1', partition: 'medical', version: 1 }],
      keywords: ['warfarin'],
    });
    const { words } = drive(world, [
      upload(),
      req('bob', 'medical'),
      { op: 'search', user: 'bob', keyword: 'hypertension' },
      { op: 'search', user: 'bob', keyword: 'warfarin' },
      { op: 'search', user: 'carol', keyword: 'hypertension' },
      { op: 'search', user: 'eve', keyword: 'hypertension' },
      { op: 'search', user: 'alice', keyword: 'hypertension' },
      { op: 'update', owner: 'alice', file: 'f1', partition: 'medical' },
      { op: 'search', user: 'bob', keyword: 'hypertension' },
      req('bob', 'medical'),
      { op: 'search', user: 'bob', keyword: 'hypertension' },
    ]);
    expect(words).toEqual([
      'ok',
      'granted',
      'found',
      'none',
      'denied:not-in-acl',
      'denied:unknown-principal',
      'found',
      'ok',
      'denied:not-in-acl',
      'granted',
      'none',
    ]);
  });

  it('forwards to a doctor through the owner’s policy only', () => {
    const { words } = drive(WORLD, [
      upload(),
      { op: 'forward', from: 'bob', to: 'dave', file: 'f1', partition: 'medical' },
      dec('dave', 'medical'),
      { op: 'forward', from: 'bob', to: 'carol', file: 'f1', partition: 'medical' },
      { op: 'forward', from: 'bob', to: 'dave', file: 'f1', partition: 'prescription' },
      { op: 'forward', from: 'carol', to: 'dave', file: 'f1', partition: 'medical' },
      { op: 'forward', from: 'bob', to: 'bob', file: 'f1', partition: 'medical' },
      { op: 'forward', from: 'bob', to: 'eve', file: 'f1', partition: 'medical' },
    ]);
    expect(words).toEqual([
      'ok',
      'granted',
      'ok',
      'denied:not-in-acl',
      'denied:not-in-acl',
      'denied:not-in-acl',
      'granted',
      'denied:unknown-principal',
    ]);
  });

  it('lets the SRS and the cloud together read everything, neither alone, and a user with R', () => {
    const collude = (members: string[], partition = 'medical'): NetOp => ({
      op: 'collude',
      members,
      file: 'f1',
      partition,
    });
    const { words, runs } = drive(WORLD, [
      upload(),
      collude(['srs', 'cloud']),
      collude(['srs']),
      collude(['cloud']),
      req('bob', 'medical'),
      collude(['bob', 'cloud']),
      collude(['bob']),
      collude(['bob', 'cloud'], 'insurance'),
    ]);
    expect(words).toEqual(['ok', 'decrypts', 'fails', 'fails', 'granted', 'decrypts', 'fails', 'fails']);
    expect(firedIds(runs[1])).toEqual(['Collude/cloud+srs/key/cloud/srs/srs']);
    expect(firedIds(runs[2])).toEqual([]);
  });

  it('refuses uploads and updates the protocol refuses, and a refused Send_C leaves a stuck draft', () => {
    const world = worldWith(WORLD, {
      principals: [...WORLD.principals, { name: 'oscar', role: 'owner', status: 'approved' }],
    });
    const { words, runs, marking, net } = drive(world, [
      { op: 'upload', owner: 'bob', file: 'f1', consent: false },
      upload(),
      upload(),
      { op: 'update', owner: 'alice', file: 'f2', partition: 'medical' },
      { op: 'upload', owner: 'olga', file: 'f2', consent: false },
      { op: 'revoke-certificate', principal: 'alice' },
      upload('f2'),
      upload('f2'),
      { op: 'upload', owner: 'oscar', file: 'f2', consent: false },
    ]);
    expect(words).toEqual([
      'denied:not-owner',
      'ok',
      'denied:already-exists',
      'denied:unknown-file',
      'denied:unapproved',
      'ok',
      'denied:bad-certificate',
      'denied:out-of-order',
      'ok',
    ]);
    expect(firedIds(runs[6]).slice(13)).toEqual([
      'Send_C_F',
      'Log_refusal',
      'Abort_draft',
      ...Array(4).fill('Abort/versions'),
      ...Array(4).fill('Abort/draws'),
      ...Array(4).fill('Abort/sealed'),
      'Abort_done',
    ]);
    expect(knowledgeOfMarking(net, marking, 'alice').map(factKey)).toContain('plaintext(f2,medical,1)');
  });
});
