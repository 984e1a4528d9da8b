import { describe, expect, it } from 'vitest';
import { showExpr } from '../../src/model/index.ts';
import { netInstanceOf, sesphrNet } from '../../src/protocol/net/index.ts';
import { NetCompileError } from '../../src/verify/net-universe.ts';
import { DEFAULT_INSTANCE_OPTIONS, verificationWorld } from '../../src/verify/sesphr-instance.ts';
import { MUTANT_NAMES, MUTANTS, mutantNet } from '../../src/verify/sesphr-mutants.ts';
import { SESPHR_PROPERTIES } from '../../src/verify/sesphr-properties.ts';

const net = sesphrNet(netInstanceOf(verificationWorld('base', DEFAULT_INSTANCE_OPTIONS)));
const lateJoin = sesphrNet(netInstanceOf(verificationWorld('late-join', DEFAULT_INSTANCE_OPTIONS)));
const guardOf = (n: typeof net, id: string) => showExpr(n.transitions.find((t) => t.id === id)!.guard!);

describe('the mutants of the SeSPHR net', () => {
  it('each changes the net it is applied to, and names what it breaks', () => {
    for (const name of MUTANT_NAMES) {
      const mutant = mutantNet(name === 'request-without-history' ? lateJoin : net, name);
      expect(mutant.name).toMatch(new RegExp(`-${name}$`));
      expect(MUTANTS[name].length).toBeGreaterThan(20);
    }
  });

  it('drop exactly the check they name', () => {
    expect(guardOf(net, 'D_R_S/bob')).toContain('mb.member = true');
    const acl = mutantNet(net, 'request-without-acl');
    expect(guardOf(acl, 'D_R_S/bob')).not.toContain('mb.member = true');
    expect(guardOf(acl, 'D_R_S/bob')).not.toContain('rg.on');
    expect(guardOf(acl, 'D_R_S/bob')).toContain('fr.whas');
    const noParameter = mutantNet(net, 'decrypt-without-parameter').transitions.find(
      (t) => t.id === 'Decrypt_C/bob',
    )!;
    expect(noParameter.inputs.map((a) => a.bind)).not.toContain('par');
    const clear = mutantNet(net, 'upload-in-the-clear').transitions.find((t) => t.id === 'Send_C')!;
    expect(showExpr(clear.outputs.find((o) => o.place === 'K_cloud')!.token)).toContain("kind: 'plaintext'");
    const srs = mutantNet(net, 'ciphertext-to-srs').transitions.find((t) => t.id === 'Send_C')!;
    expect(srs.outputs.map((o) => o.place)).toEqual(['Version', 'Current', 'K_cloud', 'K_srs']);
  });

  it('refuse a net they do not fit, rather than verify it unchanged', () => {
    const alone = sesphrNet(
      netInstanceOf({
        principals: [{ name: 'alice', role: 'owner', status: 'approved' }],
        owners: { alice: { partitions: { medical: 1 }, grants: {}, history: 'all', consent: false } },
        files: ['f1'],
        trackRefusals: false,
      }),
    );
    // Without users there is no D_R_S to weaken.
    expect(() => mutantNet(alone, 'request-without-acl')).toThrow(NetCompileError);
    expect(() => mutantNet(alone, 'request-without-acl')).toThrow(/changes nothing in this net/);
  });

  it('every property the verifier can prove has a mutant', () => {
    const proved = SESPHR_PROPERTIES.filter((p) => p.id !== 'P6' && p.id !== 'P8');
    expect(proved.every((p) => p.mutants.length > 0)).toBe(true);
  });
});
