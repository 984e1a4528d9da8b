/**
 * Storage integrity (SPEC 3.2): the insider cloud flips a bit of a stored ciphertext (`Tamper`),
 * and the TPA audits a file, challenging the cloud on every version it committed to. The net
 * models an audit that challenges every block: it detects exactly when some stored version of the
 * file is not intact. (The protocol samples blocks; a runner comparing the two audits with enough
 * samples to cover every block.) A detection is filed as `audit-failed` against the cloud.
 * @module
 */
import { and, c, eq, not, tuple } from '../../../model/index.ts';
import { consume, inhibit, type NetBuilder, put, read, VERDICT_FREE } from '../builder.ts';
import { knowledgePlace, PLACES } from '../places.ts';

/** Tamper and audit. */
export function integrityTransitions(b: NetBuilder): void {
  const k = b.kit;
  const cloud = knowledgePlace('cloud');
  const stored = (x: string) =>
    and(k.is(x, 'kind', k.kind('ciphertext')), eq(k.f(x, 'file'), k.f('fr', 'file')));
  const corrupted = (x: string) => and(stored(x), not(k.flag(x, 'intact')));
  b.add({
    id: 'Tamper',
    inputs: [read(PLACES.file, 'fr'), consume(cloud, 'ct')],
    guard: stored('ct'),
    outputs: [
      put(
        cloud,
        k.copy('ct', k.voc.colours.knowledge, {
          intact: c(false),
          payload: k.term(
            'tampered',
            ['owner', 'file', 'gen', 'partition', 'version'].map((n) => k.f('ct', n)),
          ),
        }),
      ),
    ],
    meta: { kind: 'step', op: 'tamper', actor: 'Attacker', call: 'tamper' },
  });
  b.refusal({
    id: 'Tamper_F',
    inputs: [read(PLACES.file, 'fr'), inhibit(cloud, 'ct', stored('ct'))],
    guard: c(true),
    actor: k.name('cloud'),
    op: 'tamper',
    reason: k.reason('unknown-file'),
    meta: { actor: 'Cloud', call: 'tamper' },
  });
  b.refusal({
    id: 'Tamper_F_partition',
    inputs: [read(PLACES.file, 'fr'), read(cloud, 'any'), read(PLACES.current, 'cu')],
    guard: and(stored('any'), eq(k.f('cu', 'file'), k.f('fr', 'file')), k.is('cu', 'current', c(0))),
    actor: k.name('cloud'),
    op: 'tamper',
    reason: k.reason('unknown-partition'),
    meta: { actor: 'Cloud', call: 'tamper' },
  });
  b.add({
    id: 'Audit_clean',
    inputs: [read(PLACES.file, 'fr'), read(cloud, 'ct'), inhibit(cloud, 'bad', corrupted('bad'))],
    guard: stored('ct'),
    outputs: [],
    meta: { kind: 'decision', op: 'audit', actor: 'TPA', call: 'audit', outcome: 'clean' },
  });
  const track = b.instance.trackRefusals;
  b.add({
    id: 'Audit_detected',
    inputs: [read(PLACES.file, 'fr'), read(cloud, 'bad'), ...(track ? [VERDICT_FREE] : [])],
    guard: corrupted('bad'),
    outputs: track
      ? [
          put(
            PLACES.verdict,
            tuple({ actor: k.name('cloud'), op: k.op('audit'), reason: k.reason('audit-failed') }),
          ),
        ]
      : [],
    meta: { kind: 'decision', op: 'audit', actor: 'TPA', call: 'audit', outcome: 'detected' },
  });
  b.refusal({
    id: 'Audit_F',
    inputs: [read(PLACES.file, 'fr'), inhibit(cloud, 'ct', stored('ct'))],
    guard: c(true),
    actor: k.name('tpa'),
    op: 'audit',
    reason: k.reason('unknown-file'),
    meta: { actor: 'TPA', call: 'audit' },
  });
}
