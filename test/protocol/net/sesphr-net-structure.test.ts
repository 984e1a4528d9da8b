import { describe, expect, it } from 'vitest';
import {
  countIn,
  defineNet,
  initialMarking,
  type Marking,
  type PlaceId,
  showValue,
} from '../../../src/model/index.ts';
import { factKey } from '../../../src/protocol/knowledge.ts';
import {
  knowledgeOfMarking,
  knowledgeTokens,
  netInstanceOf,
  PLACES,
  sesphrNet,
  sesphrNetDetails,
  startMarking,
  symbolic,
} from '../../../src/protocol/net/index.ts';
import { CLINIC } from './fixtures.ts';

const instance = netInstanceOf({ ...CLINIC, files: ['f1'] });
const net = sesphrNet(instance);

describe('the SeSPHR net', () => {
  it('is a valid net for the engine (defineNet accepts it again as a spec)', () => {
    expect(() => defineNet(net)).not.toThrow();
    expect(net.name).toBe('sesphr-secure');
  });

  it("has the paper's eleven rules under their names, with rule numbers and actors", () => {
    const paper: readonly [string, string, string][] = [
      ['Gen_Keys', '23', 'SRS'],
      ['Send_Keys', '24', 'SRS'],
      ['Gen_ri', '25', 'Owner'],
      ['Encrypt_Pi', '26', 'Owner'],
      ['Compt_R', '27', 'Owner'],
      ['Send_C', '28', 'Owner'],
      ['Send_Ri', '29', 'Owner'],
      ['D_C', '30', 'Cloud'],
      ['D_R_S', '31', 'SRS'],
      ['D_R_F', '32', 'SRS'],
      ['Decrypt_C', '33', 'User'],
    ];
    for (const [name, rule, actor] of paper) {
      const named = net.transitions.filter((t) => t.name === name);
      expect(named.length, name).toBeGreaterThan(0);
      for (const t of named) expect(t.meta, t.id).toMatchObject({ rule, actor });
    }
  });

  it('has one D_R_F refusal per distinct reason, all rule 32', () => {
    const refusals = net.transitions.filter((t) => t.meta?.rule === '32');
    expect(refusals.map((t) => [t.id, t.meta?.reason])).toEqual([
      ['D_R_F_unknown', 'unknown-principal'],
      ['D_R_F_unapproved', 'unapproved'],
      ['D_R_F_cert', 'bad-certificate'],
      ['D_R_F_file', 'unknown-file'],
      ['D_R_F_partition', 'unknown-partition'],
      ['D_R_F_version', 'unknown-file'],
      ['D_R_F_window', 'outside-window'],
      ['D_R_F_revoked', 'revoked'],
      ['D_R_F', 'not-in-acl'],
      ['D_R_F_history', 'before-join'],
    ]);
  });

  it('has a knowledge place per principal and infrastructure actor, and the record places', () => {
    const ids = net.places.map((p) => p.id);
    for (const actor of ['alice', 'bob', 'carol', 'srs', 'cloud', 'tpa', 'ca', 'admin', 'time-server']) {
      expect(ids).toContain(`K_${actor}`);
    }
    for (const place of Object.values(PLACES)) expect(ids).toContain(place);
    expect(net.places.length).toBe(Object.values(PLACES).length + 9);
    expect(net.transitions.length).toBe(161);
  });

  it('labels every transition with its kind and operation', () => {
    for (const t of net.transitions) {
      expect(['step', 'decision', 'refusal', 'bookkeeping'], t.id).toContain(t.meta?.kind);
      if (t.meta?.kind !== 'bookkeeping') expect(t.meta?.op, t.id).toBeDefined();
    }
  });

  it('starts in the scenario start state: keys, certificates, groups and grants in force', () => {
    const m = initialMarking(net);
    expect(knowledgeOfMarking(net, m, 'alice').map(factKey)).toEqual([
      'otp-secret(alice)',
      'secret-key(alice)',
    ]);
    expect(knowledgeOfMarking(net, m, 'srs').map(factKey)).toEqual([
      'secret-key(alice)',
      'secret-key(bob)',
      'secret-key(carol)',
    ]);
    expect(knowledgeOfMarking(net, m, 'cloud').map(factKey)).toEqual(['otp-secret(alice)']);
    expect(countIn(m, PLACES.member as PlaceId)).toBe(3);
    expect(countIn(m, PLACES.version as PlaceId)).toBe(4);
    expect(countIn(m, PLACES.refusals as PlaceId)).toBe(0);
  });

  it('takes start payloads from a function table, so a concrete run starts with real keys', () => {
    const concrete = startMarking(net, {
      ...Object.fromEntries(['sk', 'otpSecret'].map((fn) => [fn, () => symbolic('sk', ['concrete'])])),
    });
    const key = knowledgeOfMarking(net, concrete, 'bob');
    expect(key.map(factKey)).toEqual(['secret-key(bob)']);
    // Facts drop payloads, so the payloads themselves show whether the table was used.
    const payloads = (m: Marking) => knowledgeTokens(m, 'bob').map((t) => showValue(t.payload!));
    expect(payloads(concrete)).toEqual(['⟨sk(concrete)⟩']);
    expect(payloads(startMarking(net))).toEqual(['⟨sk(bob)⟩']);
    expect(sesphrNetDetails(net).instance).toBe(instance);
  });

  it('builds a different net for each variant, changing only what the variant is about', () => {
    const ids = (variant: 'otp-leak' | 'revocation-keeps-acl') =>
      new Set(sesphrNet(netInstanceOf({ ...CLINIC, files: ['f1'], variant })).transitions.map((t) => t.id));
    const secure = new Set(net.transitions.map((t) => t.id));
    const leak = ids('otp-leak');
    expect([...leak].filter((id) => !secure.has(id)).sort()).toEqual(
      ['Ask_consent', 'Ask_consent_again', 'D_C_F_consent', 'D_C_F_otp', 'D_C_F_replay', 'D_C_open_code']
        .flatMap((t) => ['alice', 'bob', 'carol'].map((p) => `${t}/${p}`))
        .sort(),
    );
    const keeps = ids('revocation-keeps-acl');
    expect([...secure].filter((id) => !keeps.has(id)).sort()).toEqual(['Revoke_grant', 'Revoke_listed']);
  });
});
