import { describe, expect, it } from 'vitest';
import { executeScenario, type ProtocolCall } from '../../../src/sim/execute/index.ts';
import { bundled, seedOf } from './bundled-scenarios.ts';

const scenario = bundled('paper-upload-share-download.yaml');
const run = executeScenario(scenario, seedOf(scenario));
const callsOf = (index: number): readonly ProtocolCall[] => run.steps[index]?.calls ?? [];
const digestIn = (calls: readonly ProtocolCall[], step: string, key: string) =>
  calls.find((c) => c.step === step && key in c.values)?.values[key];

describe('the protocol calls a step records', () => {
  it('start from approved principals with keys and certificates and alice’s policy in force', () => {
    expect(run.setup.map((c) => `${c.step}:${c.actor}`)).toEqual([
      'register:alice',
      'register:bob',
      'register:carol',
      ...['alice', 'bob', 'carol'].flatMap(() => [
        'approveRegistration:admin',
        'genKeys:srs',
        'sendKeys:srs',
        'issueCertificate:ca',
      ]),
      'setPartitions:alice',
      'history:alice',
      'grant:alice',
      'grant:alice',
      'join:alice',
      'join:alice',
    ]);
    const bobKey = digestIn(run.setup, 'genKeys', 'secret-key(bob)');
    expect(bobKey).toMatch(/^[0-9a-f]{16}$/);
    expect(digestIn(run.setup, 'sendKeys', 'secret-key(bob)')).toBe(bobKey);
  });

  it('follow the paper’s rules 25–29 one call each for an upload of four partitions at four levels', () => {
    expect(callsOf(0).map((c) => c.step)).toEqual([
      'prepareUpload',
      ...Array(4).fill('drawR'),
      ...Array(4).fill('encryptPartition'),
      ...Array(4).fill('computeR'),
      ...Array(4).fill('sendCiphertext'),
      ...Array(4).fill('sendR'),
    ]);
    expect(callsOf(0).every((c) => c.outcome === 'ok' && c.actor === 'alice')).toBe(true);
    expect(new Set(callsOf(0).map((c) => c.simulatedTime))).toEqual(new Set([scenario.start]));
  });

  it('carry the same digest wherever the same value travels', () => {
    const upload = callsOf(0);
    const sealed = digestIn(upload, 'encryptPartition', 'ciphertext(f1,medical,1)');
    expect(digestIn(upload, 'sendCiphertext', 'ciphertext(f1,medical,1)')).toBe(sealed);
    expect(digestIn(callsOf(2), 'download', 'ciphertext(f1,medical,1)')).toBe(sealed);
    const rP = upload.filter((c) => c.step === 'computeR').map((c) => c.values.R_P);
    expect(new Set(rP).size).toBe(4);
    expect(digestIn(upload, 'sendR', 'parameter(f1,medical,1,alice)')).toBe(rP[1]);
    // P2 at the value level: what bob decrypts is what alice wrote.
    const written = digestIn(upload, 'prepareUpload', 'plaintext(f1,medical,1)');
    expect(written).toMatch(/^[0-9a-f]{16}$/);
    expect(digestIn(callsOf(3), 'decryptPartition', 'plaintext(f1,medical,1)')).toBe(written);
  });

  it('record a refusal with its reason and no values', () => {
    expect(callsOf(4)).toEqual([
      expect.objectContaining({
        step: 'request',
        actor: 'carol',
        outcome: 'denied',
        reason: 'not-in-acl',
        values: {},
      }),
    ]);
    expect(callsOf(5).map((c) => [c.step, c.outcome, c.reason])).toEqual([
      ['download', 'ok', undefined],
      ['decryptPartition', 'denied', 'no-parameter'],
    ]);
  });

  it('skip the download when the user already holds the version', () => {
    expect(callsOf(3).map((c) => c.step)).toEqual(['decryptPartition']);
  });
});
