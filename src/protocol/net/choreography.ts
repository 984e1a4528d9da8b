/**
 * The choreography of every operation: which transitions, in which order, one scenario step
 * means, exactly as the concrete executor calls the protocol (design, "Scenario semantics"). At
 * each decision the net's guards leave one alternative enabled (refusals in the protocol's check
 * order); the step's outcome word is read off the transition that decided it.
 *
 * Refused steps answer `denied`, except `decrypt` and `collude`, whose failure word is `fails`.
 * Steps the instance cannot represent (an unknown name, a version, revocation or re-upload beyond
 * its bounds, a tick to an instant it lacks, a window or coalition it does not hold) are `invalid`.
 * @module
 */
import type { Value } from '../../model/index.ts';
import { isInfrastructure } from '../ids.ts';
import type { DenialReason } from '../outcome.ts';
import { coalitionName, type NetInstance, ownerPolicy, windowOf } from './instance.ts';
import { clockOf, currentVersion, fileRecord, knowledgeTokens } from './marking-read.ts';
import type { NetOp, NetOpOf } from './net-op.ts';
import type { Decision, StepSimulation } from './step-simulation.ts';

/** What a step came to (its firings are in the simulation). */
export type StepVerdict =
  | {
      readonly kind: 'done';
      readonly outcome: string;
      readonly reason?: DenialReason;
      readonly detail: string;
    }
  | { readonly kind: 'invalid'; readonly detail: string };

const done = (outcome: string, detail: string, reason?: DenialReason): StepVerdict =>
  Object.freeze({ kind: 'done', outcome, detail, ...(reason === undefined ? {} : { reason }) });
const invalid = (detail: string): StepVerdict => Object.freeze({ kind: 'invalid', detail });

/** A refusal decision as the step's outcome. */
function refused(word: string, d: Decision, what: string): StepVerdict {
  return done(word, `${what}: refused (${d.reason}) by ${d.transition}`, d.reason);
}

/** Decides among `ids`; no alternative enabled is a defect of the net. */
function decideOrThrow(
  sim: StepSimulation,
  ids: readonly string[],
  match: Readonly<Record<string, Value>>,
): Decision {
  const d = sim.decide(ids, match);
  if (d === undefined) {
    throw new Error(`planner: none of ${ids.join(', ')} is enabled for ${JSON.stringify(match)}`);
  }
  return d;
}

/** Plans `op` on `sim` (firing as it goes) and says how it ended. */
export function choreograph(sim: StepSimulation, op: NetOp): StepVerdict {
  const instance = sim.details.instance;
  const problem = unknownName(instance, op);
  if (problem !== undefined) return invalid(problem);
  switch (op.op) {
    case 'register':
      return register(sim, op);
    case 'approve':
      return approve(sim, op);
    case 'reject':
    case 'revoke-certificate': {
      const [yes, no] = op.op === 'reject' ? ['Reject', 'Reject_F'] : ['Revoke_cert', 'Revoke_cert_F'];
      const d = decideOrThrow(sim, [yes, no], { 'pu.principal': op.principal });
      return d.reason === undefined ? done('ok', `${op.op} ${op.principal}`) : refused('denied', d, op.op);
    }
    case 'upload':
      return upload(sim, op);
    case 'update':
      return update(sim, op);
    case 'delete':
      return deleteFile(sim, op);
    case 'grant':
      return grant(sim, op);
    case 'revoke':
      return revoke(sim, op);
    case 'join':
      return join(sim, op.owner, op.user, op.role);
    case 'window':
      return setWindow(sim, op);
    case 'tick':
      return tick(sim, op);
    case 'request':
      return request(sim, op);
    case 'download':
      return download(sim, op);
    case 'decrypt':
      return decrypt(sim, op);
    case 'search':
      return search(sim, op);
    case 'consent': {
      const d = decideOrThrow(sim, ['Consent', 'Consent_F', 'Consent_F_replay'], {
        'po.principal': op.owner,
        'fr.file': op.file,
        'tk.user': op.user,
      });
      return d.reason === undefined
        ? done('ok', `${op.owner} consented to ${op.user} for ${op.file}`)
        : refused('denied', d, 'consent');
    }
    case 'forward':
      return forward(sim, op);
    case 'audit': {
      const d = decideOrThrow(sim, ['Audit_clean', 'Audit_detected', 'Audit_F'], { 'fr.file': op.file });
      if (d.reason !== undefined) return refused('denied', d, 'audit');
      return d.transition === 'Audit_clean'
        ? done('clean', `every stored version of ${op.file} is intact`)
        : done('detected', `a stored version of ${op.file} is corrupted`);
    }
    case 'tamper':
      return tamper(sim, op);
    case 'collude':
      return collude(sim, op);
    default: {
      const never: never = op;
      return invalid(`unknown operation ${JSON.stringify(never)}`);
    }
  }
}

/** A name the instance does not know, as a sentence; undefined when every name is known. */
function unknownName(instance: NetInstance, op: NetOp): string | undefined {
  const principals = new Set(instance.principals.map((p) => p.name));
  const names: [string, string][] = [];
  const files: string[] = [];
  const partitions: string[] = [];
  switch (op.op) {
    case 'register':
    case 'approve':
    case 'reject':
    case 'revoke-certificate':
      names.push(['principal', op.principal]);
      break;
    case 'upload':
    case 'delete':
    case 'window':
      names.push(['owner', op.owner]);
      files.push(op.file);
      break;
    case 'update':
      names.push(['owner', op.owner]);
      files.push(op.file);
      partitions.push(op.partition);
      break;
    case 'grant':
      names.push(['owner', op.owner]);
      if (op.grantee.kind === 'user') names.push(['user', op.grantee.user]);
      partitions.push(...op.partitions);
      break;
    case 'revoke':
    case 'join':
      names.push(['owner', op.owner], ['user', op.user]);
      break;
    case 'request':
    case 'decrypt':
      names.push(['user', op.user]);
      files.push(op.file);
      partitions.push(op.partition);
      break;
    case 'download':
      names.push(['user', op.user]);
      files.push(op.file);
      break;
    case 'search':
      names.push(['user', op.user]);
      if (!instance.keywords.includes(op.keyword)) return `the instance has no keyword '${op.keyword}'`;
      break;
    case 'consent':
      names.push(['owner', op.owner], ['user', op.user]);
      files.push(op.file);
      break;
    case 'forward':
      names.push(['from', op.from], ['to', op.to]);
      files.push(op.file);
      partitions.push(op.partition);
      break;
    case 'audit':
      files.push(op.file);
      break;
    case 'tamper':
      files.push(op.file);
      if (op.partition !== undefined) partitions.push(op.partition);
      break;
    case 'collude':
      for (const m of op.members) if (!isInfrastructure(m)) names.push(['member', m]);
      files.push(op.file);
      partitions.push(op.partition);
      break;
    case 'tick':
      break;
    default: {
      const never: never = op;
      return `unknown operation ${JSON.stringify(never)}`;
    }
  }
  for (const [role, name] of names) {
    if (!principals.has(name)) return `${op.op}: ${role} '${name}' is not a principal of the instance`;
  }
  for (const f of files) if (!instance.files.includes(f)) return `${op.op}: the instance has no file '${f}'`;
  for (const p of partitions) {
    if (!instance.partitions.includes(p)) return `${op.op}: the instance has no partition '${p}'`;
  }
  return undefined;
}

function register(sim: StepSimulation, op: NetOpOf<'register'>): StepVerdict {
  const d = sim.decide([`Register/${op.principal}`, 'Register_F'], {
    'pu.principal': op.principal,
    'r.role': op.role,
  });
  if (d === undefined)
    return invalid(`the instance does not foresee ${op.principal} registering as ${op.role}`);
  return d.reason === undefined
    ? done('ok', `${op.principal} registered as ${op.role}`)
    : refused('denied', d, 'register');
}

function approve(sim: StepSimulation, op: NetOpOf<'approve'>): StepVerdict {
  const who = { 'pu.principal': op.principal };
  const d = decideOrThrow(sim, ['Approve', 'Approve_F'], who);
  if (d.reason !== undefined) return refused('denied', d, 'approve');
  sim.must('Gen_Keys', who);
  sim.must(`Send_Keys/${op.principal}`, who);
  sim.must('Issue_cert', who);
  const instance = sim.details.instance;
  const declared = instance.principals.find((p) => p.name === op.principal);
  if (declared?.role === 'owner') {
    // An owner approved during the run puts its declared policy in force: its start group joins.
    for (const member of instance.principals.filter((p) => p.status === 'approved' && p.role !== 'owner')) {
      const joined = join(sim, op.principal, member.name, member.role);
      if (joined.kind === 'invalid' || joined.outcome !== 'ok') return joined;
    }
  }
  return done('ok', `the admin approved ${op.principal}; keys (rules 23, 24) and certificate issued`);
}

function join(sim: StepSimulation, owner: string, user: string, role: string): StepVerdict {
  const d = decideOrThrow(sim, ['Join', 'Join_F_owner', 'Join_F', 'Join_F_self'], {
    'po.principal': owner,
    'pu.principal': user,
    'mb.user': user,
    'r.role': role,
  });
  return d.reason === undefined
    ? done('ok', `${user} joined ${owner}'s group as ${role}`)
    : refused('denied', d, 'join');
}

/** The clock-index window of a window given in instants, as the instance holds it. */
function windowMatch(
  instance: NetInstance,
  window: { readonly start: number; readonly end: number } | undefined,
): Readonly<Record<string, Value>> | undefined {
  if (window === undefined) return { 'w.whas': false, 'w.wlo': 0, 'w.whi': 0 };
  const { lo, hi } = windowOf(instance.times, window.start, window.end);
  const found = instance.windows.find((w) => w.lo === lo && w.hi === hi);
  return found === undefined ? undefined : { 'w.whas': true, 'w.wlo': found.lo, 'w.whi': found.hi };
}

function upload(sim: StepSimulation, op: NetOpOf<'upload'>): StepVerdict {
  const instance = sim.details.instance;
  if (fileRecord(sim.marking, op.file)?.state === 'deleted') {
    return invalid(
      `upload: ${op.file} is deleted and the instance allows ${sim.details.instance.maxUploads} upload(s) of one file id`,
    );
  }
  const w = windowMatch(instance, op.window);
  if (w === undefined)
    return invalid(`upload: the instance has no window [${op.window?.start}, ${op.window?.end}]`);
  const d = decideOrThrow(sim, [`Prepare_upload/${op.owner}`, 'Upload_F', 'Upload_F_stuck'], {
    'po.principal': op.owner,
    'fr.file': op.file,
    'fl.on': op.consent,
    ...w,
  });
  if (d.reason !== undefined) return refused('denied', d, 'upload');
  const policy = ownerPolicy(instance, op.owner)!;
  const parts = policy.partitions.map((p) => ({ partition: p.label, version: 1, level: p.level }));
  const drafted = runDraft(sim, op.owner, op.file, parts);
  if (drafted !== undefined) return drafted;
  sim.must('Upload_done', { 'fr.file': op.file });
  return done('ok', `${op.owner} uploaded ${op.file}: ${parts.map((p) => `${p.partition} v1`).join(', ')}`);
}

/** Rules 25–29 for a draft, then forgetting r; a refused Send_C ends the step. */
function runDraft(
  sim: StepSimulation,
  owner: string,
  file: string,
  parts: readonly { readonly partition: string; readonly version: number; readonly level: number }[],
): StepVerdict | undefined {
  const levels = [...new Set(parts.map((p) => p.level))].sort((a, b) => a - b);
  for (const level of levels)
    sim.must('Gen_ri', { 've.file': file, 've.level': level, 've.stage': 'drafted' });
  const at = (p: (typeof parts)[number]) => ({
    've.file': file,
    've.partition': p.partition,
    've.version': p.version,
  });
  for (const p of parts) sim.must('Encrypt_Pi', at(p));
  for (const level of levels) sim.must('Compt_R', { 'rd.file': file, 'rd.level': level });
  for (const p of parts) {
    const d = decideOrThrow(sim, ['Send_C', 'Send_C_F'], at(p));
    if (d.reason !== undefined) {
      sim.must('Abort_draft', { 'fr.file': file });
      const aborts = ['Abort/versions', 'Abort/draws', 'Abort/sealed'];
      while (aborts.some((id) => sim.fireFirst(id, { 'ab.file': file }) !== undefined)) {
        // One leftover of the draft dropped per round.
      }
      sim.must('Abort_done', { 'ab.file': file });
      return refused('denied', d, 'send the ciphertext');
    }
  }
  for (const p of parts) sim.must(`Send_Ri/${owner}`, at(p));
  for (const level of levels) sim.must('Drop_r', { 'rd.file': file, 'rd.level': level });
  return undefined;
}

function update(sim: StepSimulation, op: NetOpOf<'update'>): StepVerdict {
  const instance = sim.details.instance;
  const current = currentVersion(sim.marking, op.file, op.partition);
  const fr = fileRecord(sim.marking, op.file);
  if (fr?.state === 'stored' && fr.owner === op.owner && current + 1 > instance.maxVersion && current > 0) {
    return invalid(
      `update: ${op.file}/${op.partition} v${current + 1} is beyond the instance's ${instance.maxVersion} versions`,
    );
  }
  const d = decideOrThrow(
    sim,
    [`Prepare_update/${op.owner}`, 'Update_F', 'Update_F_busy', 'Update_F_partition'],
    { 'po.principal': op.owner, 'fr.file': op.file, 'cu.partition': op.partition },
  );
  if (d.reason !== undefined) return refused('denied', d, 'update');
  const level = ownerPolicy(instance, op.owner)!.partitions.find((p) => p.label === op.partition)!.level;
  const drafted = runDraft(sim, op.owner, op.file, [
    { partition: op.partition, version: current + 1, level },
  ]);
  if (drafted !== undefined) return drafted;
  return done('ok', `${op.owner} updated ${op.file}/${op.partition} to v${current + 1}`);
}

function deleteFile(sim: StepSimulation, op: NetOpOf<'delete'>): StepVerdict {
  const d = decideOrThrow(sim, ['Delete', 'Delete_F'], { 'po.principal': op.owner, 'fr.file': op.file });
  if (d.reason !== undefined) return refused('denied', d, 'delete');
  const purges = sim.net.transitions.filter((t) => t.name === 'Purge').map((t) => t.id);
  while (purges.some((id) => sim.fireFirst(id, { 'fr.file': op.file }) !== undefined)) {
    // Each round removes one copy of the file's data; the loop ends when none is left.
  }
  sim.must('Delete_done', { 'fr.file': op.file });
  return done('ok', `${op.owner} deleted ${op.file}`);
}

function grant(sim: StepSimulation, op: NetOpOf<'grant'>): StepVerdict {
  const policy = ownerPolicy(sim.details.instance, op.owner);
  for (const p of op.partitions) {
    if (policy !== undefined && !policy.partitions.some((x) => x.label === p)) {
      return invalid(`grant: '${p}' is not a partition of ${op.owner}`);
    }
  }
  for (const p of op.partitions) {
    const d =
      op.grantee.kind === 'role'
        ? decideOrThrow(sim, ['Grant_role', 'Grant_F'], {
            'po.principal': op.owner,
            'rg.role': op.grantee.role,
            'rg.partition': p,
          })
        : decideOrThrow(
            sim,
            ['Grant_user', 'Grant_user_admit', 'Grant_F', 'Grant_user_F', 'Grant_user_F_self'],
            {
              'po.principal': op.owner,
              'pu.principal': op.grantee.user,
              'mb.user': op.grantee.user,
              'ug.partition': p,
            },
          );
    if (d.reason !== undefined) return refused('denied', d, 'grant');
  }
  const who = op.grantee.kind === 'role' ? `every ${op.grantee.role}` : op.grantee.user;
  return done('ok', `${op.owner} grants ${who}: ${op.partitions.join(', ')}`);
}

function revoke(sim: StepSimulation, op: NetOpOf<'revoke'>): StepVerdict {
  const match = { 'po.principal': op.owner, 'mb.user': op.user };
  const d = sim.decide(['Revoke', 'Revoke_listed', 'Revoke_F_owner', 'Revoke_F'], match);
  if (d === undefined) {
    return invalid(`revoke: the instance allows ${sim.details.instance.maxRevocations} revocation(s)`);
  }
  if (d.reason !== undefined) return refused('denied', d, 'revoke');
  while (sim.fireFirst('Revoke_grant', { 'mb.owner': op.owner, 'mb.user': op.user }) !== undefined) {
    // One of the user's own grants cleared per round.
  }
  return done('ok', `${op.owner} revoked ${op.user}`);
}

function setWindow(sim: StepSimulation, op: NetOpOf<'window'>): StepVerdict {
  const w = windowMatch(sim.details.instance, op.window);
  if (w === undefined)
    return invalid(`window: the instance has no window [${op.window.start}, ${op.window.end}]`);
  const d = decideOrThrow(sim, ['Set_window', 'Set_window_F'], {
    'po.principal': op.owner,
    'fr.file': op.file,
    ...w,
  });
  return d.reason === undefined
    ? done('ok', `${op.file} readable in [${op.window.start}, ${op.window.end}]`)
    : refused('denied', d, 'window');
}

function tick(sim: StepSimulation, op: NetOpOf<'tick'>): StepVerdict {
  const times = sim.details.instance.times;
  const { now } = clockOf(sim.marking);
  const next = times[now + 1];
  if (next === undefined || next !== times[now]! + op.by) {
    return invalid(`tick: the instance has no instant ${times[now]! + op.by} after ${times[now]}`);
  }
  sim.must('Tick', {});
  return done('ok', `the clock reads ${next}`);
}

function request(sim: StepSimulation, op: NetOpOf<'request'>): StepVerdict {
  const instance = sim.details.instance;
  const version = op.version ?? Math.max(1, currentVersion(sim.marking, op.file, op.partition));
  if (version > instance.maxVersion) return invalid(`request: version ${version} is beyond the instance`);
  const ids = [
    ...sim.net.transitions.filter((t) => t.meta?.rule === '32').map((t) => t.id),
    `D_R_S/${op.user}`,
    `D_R_S_again/${op.user}`,
  ];
  const d = decideOrThrow(sim, ids, {
    'pu.principal': op.user,
    'fr.file': op.file,
    'cu.partition': op.partition,
    've.version': version,
  });
  if (d.reason !== undefined) return refused('denied', d, 'request');
  return done('granted', `the SRS re-encrypted R of ${op.file}/${op.partition} v${version} for ${op.user}`);
}

/** Opens a download session (rule 30's authentication and consent); a refusal ends the step. */
function openDownload(
  sim: StepSimulation,
  user: string,
  file: string,
  word: string,
): StepVerdict | undefined {
  const leak = sim.details.instance.variant === 'otp-leak';
  const ids = [
    'D_C_open',
    'D_C_open_ticket',
    'D_C_F',
    ...(leak
      ? [`D_C_open_code/${user}`, `D_C_F_consent/${user}`, `D_C_F_otp/${user}`, `D_C_F_replay/${user}`]
      : ['D_C_F_consent']),
  ];
  const d = decideOrThrow(sim, ids, { 'pu.principal': user, 'fr.file': file });
  return d.reason === undefined ? undefined : refused(word, d, 'download');
}

/** Rule 30 for one partition version: a new copy, or the held copy replaced by the cloud's. */
function transfer(sim: StepSimulation, user: string, file: string, partition: string, version: number): void {
  decideOrThrow(sim, [`D_C/${user}`, `D_C_again/${user}`], {
    'ss.user': user,
    'ct.file': file,
    'ct.partition': partition,
    'ct.version': version,
  });
}

function download(sim: StepSimulation, op: NetOpOf<'download'>): StepVerdict {
  const instance = sim.details.instance;
  const fr = fileRecord(sim.marking, op.file);
  if (fr?.state === 'stored' && fr.consent === true && fr.owner !== op.user) {
    const ask =
      instance.variant === 'otp-leak'
        ? ['Ask_consent', `Ask_consent/${op.user}`, `Ask_consent_again/${op.user}`, 'Ask_consent_F']
        : ['Ask_consent', 'Ask_consent_F'];
    const d = decideOrThrow(sim, ask, { 'pu.principal': op.user, 'fr.file': op.file });
    if (d.reason !== undefined) return refused('denied', d, 'ask for consent');
  }
  const opened = openDownload(sim, op.user, op.file, 'denied');
  if (opened !== undefined) return opened;
  const owner = String(fileRecord(sim.marking, op.file)?.owner);
  const got: string[] = [];
  for (const p of ownerPolicy(instance, owner)?.partitions ?? []) {
    const v = currentVersion(sim.marking, op.file, p.label);
    if (v === 0) continue;
    transfer(sim, op.user, op.file, p.label, v);
    got.push(`${p.label} v${v}`);
  }
  sim.must('D_C_close', { 'ss.user': op.user, 'ss.file': op.file });
  return done('ok', `${op.user} downloaded ${op.file}: ${got.join(', ')}`);
}

function decrypt(sim: StepSimulation, op: NetOpOf<'decrypt'>): StepVerdict {
  const instance = sim.details.instance;
  const ref = { file: op.file, partition: op.partition };
  const current = currentVersion(sim.marking, op.file, op.partition);
  const heldVersions = knowledgeTokens(sim.marking, op.user, { kind: 'ciphertext', ...ref }).map((t) =>
    Number(t.version),
  );
  let version = op.version ?? (current > 0 ? current : undefined);
  if (version !== undefined && version > instance.maxVersion)
    return invalid(`decrypt: version ${version} is beyond the instance`);
  if (version !== undefined && !heldVersions.includes(version)) {
    const opened = openDownload(sim, op.user, op.file, 'fails');
    if (opened !== undefined) return opened;
    transfer(sim, op.user, op.file, op.partition, version);
    sim.must('D_C_close', { 'ss.user': op.user, 'ss.file': op.file });
  }
  // Without a stored version the principal decrypts the newest it holds, or has none to decrypt.
  version ??= heldVersions.length === 0 ? 1 : Math.max(...heldVersions);
  const ids = [
    'Decrypt_F_unknown',
    ...[
      'Decrypt_F_noct',
      'Decrypt_F_nokey',
      'Decrypt_F_noparam',
      'Decrypt_F_noparam_owner',
      'Decrypt_F_stale',
      'Decrypt_F_tag',
      'Decrypt_C',
      'Decrypt_C_again',
    ].map((id) => `${id}/${op.user}`),
  ];
  const d = decideOrThrow(sim, ids, {
    'pu.principal': op.user,
    've.file': op.file,
    've.partition': op.partition,
    've.version': version,
  });
  if (d.reason !== undefined) return refused('fails', d, 'decrypt');
  return done('ok', `${op.user} decrypted ${op.file}/${op.partition} v${version}`);
}

function search(sim: StepSimulation, op: NetOpOf<'search'>): StepVerdict {
  const who = { 'pu.principal': op.user, 'kw.keyword': op.keyword };
  const unknown = sim.decide(['Search_F_unknown'], who);
  if (unknown !== undefined) return refused('denied', unknown, 'search');
  const authFail = sim.candidates(`Search_F_auth/${op.user}`, who)[0];
  if (authFail !== undefined) {
    const reason = sim.reasonOf(`Search_F_auth/${op.user}`, authFail);
    sim.fire(authFail);
    return done('denied', `search: the cloud refused ${op.user} (${reason})`, reason);
  }
  if (sim.fireFirst(`Search_found/${op.user}`, who) !== undefined) {
    return done('found', `'${op.keyword}' is in a version ${op.user} can search`);
  }
  if (sim.fireFirst(`Search_none/${op.user}`, who) !== undefined) {
    return done('none', `no version ${op.user} can search mentions '${op.keyword}'`);
  }
  const d = decideOrThrow(sim, ['Search_F_notrap'], who);
  return refused('denied', d, 'search');
}

function forward(sim: StepSimulation, op: NetOpOf<'forward'>): StepVerdict {
  const self = op.from === op.to;
  const s = self ? '_self' : '';
  const d = decideOrThrow(
    sim,
    [`Forward_F_early${s}`, `Forward_F_late${s}`, `Forward${s}/${op.to}`, `Forward_again${s}/${op.to}`],
    {
      'pf.principal': op.from,
      ...(self ? {} : { 'pt.principal': op.to }),
      'fr.file': op.file,
      'cu.partition': op.partition,
    },
  );
  if (d.reason !== undefined) return refused('denied', d, 'forward');
  return done(
    'granted',
    `${op.from} forwarded ${op.file}/${op.partition}: the SRS re-encrypted R for ${op.to}`,
  );
}

function tamper(sim: StepSimulation, op: NetOpOf<'tamper'>): StepVerdict {
  const owner = String(fileRecord(sim.marking, op.file)?.owner);
  const partition = op.partition ?? ownerPolicy(sim.details.instance, owner)?.partitions[0]?.label ?? '';
  const version = currentVersion(sim.marking, op.file, partition);
  const d = decideOrThrow(sim, ['Tamper', 'Tamper_F', 'Tamper_F_partition'], {
    'fr.file': op.file,
    'ct.partition': partition,
    'ct.version': version,
    'cu.partition': partition,
  });
  if (d.reason !== undefined) return refused('denied', d, 'tamper');
  return done('ok', `the cloud flipped a bit of ${op.file}/${partition} v${version}`);
}

function collude(sim: StepSimulation, op: NetOpOf<'collude'>): StepVerdict {
  const name = coalitionName(op.members);
  const ids = sim.net.transitions.filter((t) => t.meta?.coalition === name).map((t) => t.id);
  if (ids.length === 0) return invalid(`collude: the instance has no coalition ${name}`);
  const version = op.version ?? currentVersion(sim.marking, op.file, op.partition);
  if (version === 0) return done('fails', `the cloud stores no version of ${op.file}/${op.partition}`);
  const target = { file: op.file, partition: op.partition, version };
  const match = Object.fromEntries(
    ['pl', 'ct'].flatMap((x) => Object.entries(target).map(([f, v]) => [`${x}.${f}`, v] as const)),
  );
  for (const id of ids) {
    if (sim.fireFirst(id, match) !== undefined) {
      return done('decrypts', `${name} reads ${op.file}/${op.partition} v${version} (${id})`);
    }
  }
  return done('fails', `${name} cannot read ${op.file}/${op.partition} v${version}`);
}
