/**
 * The SRS issuing R_U = e(R_P, RK) of a partition version to a user: a granted request (rule 31)
 * and a granted forward are one operation at the SRS (`srs.ts` issues both the same way), so they
 * are one builder here and give the same fact for the same R, its file generation included (a
 * forward once left it out, and the forwarded R then failed the tag check against a re-uploaded
 * file's ciphertexts). The file is read as `fr` and the version as `ve`.
 *
 * Two transitions: the first issue, while the user holds no R of that version; and its refresh
 * form (`…_again`), which takes the held copy and the SRS's record and puts the new ones, so
 * knowledge stays a set.
 * @module
 */
import { and, type Expr, eq, type InputArcSpec } from '../../../model/index.ts';
import { consume, inhibit, type NetBuilder, put } from '../builder.ts';
import { knowledgePlace } from '../places.ts';

/** One issuing decision: the ids of its two forms, what it reads and the conditions it needs. */
export interface IssueSpec {
  readonly id: string;
  readonly againId: string;
  readonly name: string;
  /** The user who receives R. */
  readonly user: string;
  readonly inputs: readonly InputArcSpec[];
  /** The conditions of the grant, as conjuncts. */
  readonly grant: readonly Expr[];
  readonly meta: Readonly<Record<string, string>>;
}

/** Adds the decision that issues R to `spec.user` (see the module comment). */
export function issueParameter(b: NetBuilder, spec: IssueSpec): void {
  const k = b.kit;
  const user = k.name(spec.user);
  const same = (x: string) =>
    and(
      k.is(x, 'kind', k.kind('parameter')),
      k.is(x, 'subject', user),
      eq(k.f(x, 'file'), k.f('ve', 'file')),
      eq(k.f(x, 'partition'), k.f('ve', 'partition')),
      eq(k.f(x, 'version'), k.f('ve', 'version')),
    );
  const issued = k.fact({
    kind: 'parameter',
    subject: user,
    owner: k.f('fr', 'owner'),
    file: k.f('ve', 'file'),
    gen: k.f('fr', 'gen'),
    partition: k.f('ve', 'partition'),
    level: k.f('ve', 'level'),
    version: k.f('ve', 'version'),
    born: k.f('ve', 'era'),
    payload: k.term('R_U', [
      k.f('fr', 'owner'),
      k.f('ve', 'file'),
      k.f('fr', 'gen'),
      k.f('ve', 'partition'),
      k.f('ve', 'version'),
      user,
    ]),
  });
  const outputs = [put(knowledgePlace(spec.user), issued), put(knowledgePlace('srs'), issued)];
  b.add({
    id: spec.id,
    name: spec.name,
    inputs: [...spec.inputs, inhibit(knowledgePlace(spec.user), 'held', same('held'))],
    guard: and(...spec.grant),
    outputs,
    meta: spec.meta,
  });
  b.add({
    id: spec.againId,
    name: spec.name,
    inputs: [
      ...spec.inputs,
      consume(knowledgePlace(spec.user), 'held'),
      consume(knowledgePlace('srs'), 'kept'),
    ],
    guard: and(...spec.grant, same('held'), same('kept')),
    outputs,
    meta: { ...spec.meta, refresh: 'true' },
  });
}
