/**
 * Coalitions (SPEC section 2, properties P4–P6): the members pool what they hold and try to read a
 * partition version. A coalition reads it when a member holds the plaintext, or when the pool has
 * an intact ciphertext of it, an R for the same r (the same version of the partition, or, for an
 * upload's version 1, any partition of the same access level; of the same generation of the id) and the secret key of that R's
 * subject: K = e(R_P, g2)^{1/x_P} or R_U^{1/x_U}. One transition per way, by which member holds
 * each ingredient; they only look, so "the coalition can read" is exactly "one of them is
 * enabled", a property of the state.
 * @module
 */
import { and, c, eq, or } from '../../../model/index.ts';
import { type NetBuilder, read } from '../builder.ts';
import { knowledgePlace } from '../places.ts';

/** The coalition transitions of every coalition of the instance. */
export function colludeTransitions(b: NetBuilder): void {
  const k = b.kit;
  for (const coalition of b.instance.coalitions) {
    const meta = {
      kind: 'decision',
      op: 'collude',
      actor: 'Attacker',
      coalition: coalition.name,
      call: 'coalitionDecrypt',
    };
    for (const m of coalition.members) {
      b.add({
        id: `Collude/${coalition.name}/plain/${m}`,
        name: 'Collude',
        inputs: [read(knowledgePlace(m), 'pl')],
        guard: k.is('pl', 'kind', k.kind('plaintext')),
        outputs: [],
        meta: { ...meta, via: 'plaintext' },
      });
    }
    for (const holdsCt of coalition.members) {
      for (const holdsR of coalition.members) {
        for (const holdsKey of coalition.members) {
          b.add({
            id: `Collude/${coalition.name}/key/${holdsCt}/${holdsR}/${holdsKey}`,
            name: 'Collude',
            inputs: [
              read(knowledgePlace(holdsCt), 'ct'),
              read(knowledgePlace(holdsR), 'par'),
              read(knowledgePlace(holdsKey), 'sk'),
            ],
            guard: and(
              k.is('ct', 'kind', k.kind('ciphertext')),
              k.flag('ct', 'intact'),
              k.is('par', 'kind', k.kind('parameter')),
              eq(k.f('par', 'file'), k.f('ct', 'file')),
              eq(k.f('par', 'gen'), k.f('ct', 'gen')),
              k.is('sk', 'kind', k.kind('secret-key')),
              eq(k.f('sk', 'subject'), k.f('par', 'subject')),
              or(
                and(
                  eq(k.f('par', 'partition'), k.f('ct', 'partition')),
                  eq(k.f('par', 'version'), k.f('ct', 'version')),
                ),
                and(
                  k.is('par', 'version', c(1)),
                  k.is('ct', 'version', c(1)),
                  eq(k.f('par', 'level'), k.f('ct', 'level')),
                ),
              ),
            ),
            outputs: [],
            meta: { ...meta, via: 'key' },
          });
        }
      }
    }
  }
}
