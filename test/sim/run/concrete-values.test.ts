/**
 * The net's concrete mode: payloads are the protocol's own values (digests from its call records),
 * looked up by knowledge fact or by name, so the tokens that move in the net are the keys,
 * parameters and ciphertexts the protocol produced; a value no call produced is reported.
 */
import { describe, expect, it } from 'vitest';
import { isOpaque, opaque, type Token, type Value } from '../../../src/model/index.ts';
import { factKey, factOfToken } from '../../../src/protocol/index.ts';
import type { ProtocolCall } from '../../../src/sim/execute/index.ts';
import { concreteFunctions, type MissingValue, runScenario } from '../../../src/sim/run/index.ts';
import { bundled, seedOf } from '../execute/bundled-scenarios.ts';

const call = (values: Record<string, string>): ProtocolCall => ({
  step: 'request',
  actor: 'bob',
  outcome: 'ok',
  ms: 1,
  simulatedTime: 0,
  values,
});

const apply = (table: ReturnType<typeof concreteFunctions>, fn: string, args: readonly Value[]) =>
  table[fn]!(args);

describe('the concrete function table', () => {
  it('looks facts up in the firing’s call, then in the step; names in the call only', () => {
    const misses: MissingValue[] = [];
    const table = concreteFunctions(
      {
        call: call({ 'parameter(f1,medical,1,bob)': 'aaaa', r: 'rrrr', 'otp(f1,bob)': 'cccc' }),
        step: { 'secret-key(bob)': 'kkkk', 'parameter(f1,medical,1,bob)': 'zzzz', R_P: 'pppp' },
      },
      misses,
    );
    expect(apply(table, 'R_U', ['alice', 'f1', 0, 'medical', 1, 'bob'])).toEqual(opaque('aaaa'));
    expect(apply(table, 'sk', ['bob'])).toEqual(opaque('kkkk'));
    expect(apply(table, 'r', ['alice', 'f1', 0, 2, 1, '-'])).toEqual(opaque('rrrr'));
    expect(apply(table, 'totp', ['alice', 0])).toEqual(opaque('cccc'));
    expect(misses).toEqual([]);
    // R_P is a name: only the firing's own call may supply it.
    expect(apply(table, 'R_P', ['alice', 'f1', 0, 2, 1, '-'])).toEqual(
      opaque('missing:R_P(alice,f1,0,2,1,-)'),
    );
    expect(misses).toEqual([{ term: 'R_P(alice,f1,0,2,1,-)', wanted: 'R_P' }]);
  });

  it('keeps the OTP device secret symbolic: no call record carries it', () => {
    const misses: MissingValue[] = [];
    const table = concreteFunctions({ step: {} }, misses);
    expect(apply(table, 'otpSecret', ['alice'])).toEqual(opaque('otpSecret(alice)'));
    expect(misses).toEqual([]);
  });
});

const payload = (t: Token) => (t.payload !== undefined && isOpaque(t.payload) ? t.payload.key : undefined);

describe('concrete tokens in a run', () => {
  const scenario = bundled('tamper-tag-check.yaml');
  const run = runScenario(scenario, { seed: seedOf(scenario) });

  it('carry the digests the protocol’s calls recorded', () => {
    expect(run.passed).toBe(true);
    const [upload, request] = run.steps;
    const sealed = upload!.calls.find(
      (c) => c.step === 'encryptPartition' && 'ciphertext(f1,medical,1)' in c.values,
    );
    const granted = request!.firings.flatMap((f) => f.produced).find((m) => m.place === 'K_bob');
    expect(factKey(factOfToken(granted!.token))).toBe('parameter(f1,medical,1,bob)');
    expect(payload(granted!.token)).toBe(request!.calls[0]!.values['parameter(f1,medical,1,bob)']);
    const stored = upload!.firings
      .flatMap((f) => f.produced)
      .find((m) => m.place === 'K_cloud' && factKey(factOfToken(m.token)) === 'ciphertext(f1,medical,1)');
    expect(payload(stored!.token)).toBe(sealed!.values['ciphertext(f1,medical,1)']);
    expect(payload(stored!.token)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('show the insider’s flipped bit: bob downloads the tampered ciphertext, not the one sealed', () => {
    const tamper = run.steps[3]!;
    const flipped = tamper.calls[0]!.values['ciphertext(f1,medical,1)'];
    const sealed = run.steps[0]!.calls.find(
      (c) => c.step === 'encryptPartition' && 'ciphertext(f1,medical,1)' in c.values,
    )!.values['ciphertext(f1,medical,1)'];
    expect(flipped).toMatch(/^[0-9a-f]{16}$/);
    expect(flipped).not.toBe(sealed);
    const fetched = run.steps[4]!.firings.flatMap((f) => f.produced).find(
      (m) => m.place === 'K_bob' && factKey(factOfToken(m.token)) === 'ciphertext(f1,medical,1)',
    );
    expect(payload(fetched!.token)).toBe(flipped);
    expect(fetched!.token.intact).toBe(false);
    expect(run.steps[4]!.transitions.at(-2)).toBe('Decrypt_F_tag/bob');
  });
});
