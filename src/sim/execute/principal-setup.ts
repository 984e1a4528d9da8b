/**
 * Bringing principals to the scenario's start state, shared by the setup and by mid-run steps:
 * approving a principal (admin, rules 23 and 24, certificate) and putting an owner's policy in
 * force (partition scheme, history policy, role grants, and the group of approved-at-start users).
 */
import {
  type Certificate,
  encodeCertificate,
  encodeScalar,
  factKey,
  type KeyPair,
  type Outcome,
  ok,
  type PrincipalId,
  type SeSphrSystem,
} from '../../protocol/index.ts';
import type { PrincipalName, Scenario } from '../scenario/index.ts';
import { USER_ROLES, type UserRole } from '../scenario/index.ts';
import { shortDigest } from './digest.ts';
import type { CallRecorder } from './protocol-call.ts';
import { asPartition, asPrincipal } from './protocol-ids.ts';

/**
 * The key pair as the net's token carries it: the secret key's digest, under its fact. The public
 * key is left out: nothing reads it, and encoding a G2 point re-checks its subgroup membership,
 * which cost a campaign more than making the key pair did.
 */
const keyValues = (subject: PrincipalId) => (pair: KeyPair) => ({
  [factKey({ kind: 'secret-key', subject })]: shortDigest(encodeScalar(pair.sk)),
});

/**
 * The composite approval, one recorded call per fine-grained step: the admin approves, the SRS
 * makes the key pair (rule 23, Gen_Keys) and hands it over (rule 24, Send_Keys), the CA certifies.
 * Stops at the first refusal.
 */
export function approvePrincipal(
  system: SeSphrSystem,
  recorder: CallRecorder,
  name: PrincipalName,
): Outcome<Certificate> {
  const principal = asPrincipal(name);
  const approved = recorder.run('approveRegistration', 'admin', () =>
    system.approveRegistration({ principal }),
  );
  if (approved.kind === 'denied') return approved;
  const made = recorder.run('genKeys', 'srs', () => system.genKeys({ principal }), keyValues(principal));
  if (made.kind === 'denied') return made;
  const sent = recorder.run('sendKeys', 'srs', () => system.sendKeys({ principal }), keyValues(principal));
  if (sent.kind === 'denied') return sent;
  return recorder.run(
    'issueCertificate',
    'ca',
    () => system.issueCertificate({ principal }),
    (certificate) => ({ certificate: shortDigest(encodeCertificate(certificate)) }),
  );
}

/**
 * The users that are members of every owner's group from the start (design: approved at the
 * start, with a user role), in declaration order, with their roles.
 */
function startMembers(scenario: Scenario): readonly { name: PrincipalName; role: UserRole }[] {
  return Object.values(scenario.principals).flatMap((p) =>
    p.status === 'approved' && p.role !== 'owner' ? [{ name: p.name, role: p.role }] : [],
  );
}

/**
 * Puts `owner`'s policy from the scenario header in force at the SRS: its partition scheme, its
 * history policy, its role grants, and the approved-at-start users as members of its group (a role
 * grant only reaches members). Needs the owner approved; stops at the first refusal.
 */
export function applyOwnerPolicy(
  system: SeSphrSystem,
  recorder: CallRecorder,
  scenario: Scenario,
  name: PrincipalName,
): Outcome<null> {
  const policy = scenario.owners[name];
  if (policy === undefined) return ok(null);
  const owner = asPrincipal(name);
  const scheme = new Map(
    Object.entries(policy.partitions).map(([label, level]) => [asPartition(label), level]),
  );
  const set = recorder.run('setPartitions', name, () => system.setPartitions({ owner, partitions: scheme }));
  if (set.kind === 'denied') return set;
  const history = recorder.run('history', name, () => system.history({ owner, policy: policy.history }));
  if (history.kind === 'denied') return history;
  for (const role of USER_ROLES) {
    const partitions = policy.grants[role].map(asPartition);
    if (partitions.length === 0) continue;
    const granted = recorder.run('grant', name, () => system.grant({ owner, role, partitions }));
    if (granted.kind === 'denied') return granted;
  }
  for (const member of startMembers(scenario)) {
    const user = asPrincipal(member.name);
    const joined = recorder.run('join', name, () => system.join({ owner, user, role: member.role }));
    if (joined.kind === 'denied') return joined;
  }
  return ok(null);
}
