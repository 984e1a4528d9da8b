/**
 * Pass three of loading: do the parts of a resolved scenario refer to each other correctly?
 * Steps must name declared principals, `owner` arguments must be owners, partitions must be the
 * relevant owner's, files must be uploaded (and not deleted) before a step names them, versions
 * must have been written, and windows must end after they start. Each problem says what is
 * allowed at that spot.
 */
import type { FileName, PartitionLabel, PrincipalName } from './names.ts';
import type { DocumentPath, PathProblem } from './problem.ts';
import type { Scenario, Step, TimeWindow } from './scenario.ts';
import { INFRASTRUCTURE } from './vocabulary.ts';

/**
 * A file present in the store at some point of the run: its owner, the step that uploaded it,
 * and the latest version of each partition. The owner is undefined when the upload named a
 * non-owner: that step has its problem already, and later steps skip the checks that need the
 * owner rather than repeat it.
 */
interface LiveFile {
  readonly owner: PrincipalName | undefined;
  readonly uploadedBy: Step;
  readonly versions: Map<PartitionLabel, number>;
}

const where = (step: Step) => `steps[${step.index}] (line ${step.line})`;
const listOr = (names: readonly string[], none: string) => (names.length === 0 ? none : names.join(', '));
const instant = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** Checks every reference in `scenario`; an empty list means the scenario is consistent. */
export function checkReferences(scenario: Scenario): PathProblem[] {
  const problems: PathProblem[] = [];
  const add = (path: DocumentPath, message: string, target: PathProblem['target'] = 'value') =>
    problems.push({ path, target, message });
  const declared = Object.keys(scenario.principals);
  const roleOf = (name: string) =>
    Object.hasOwn(scenario.principals, name) ? scenario.principals[name as PrincipalName]?.role : undefined;
  const owners = declared.filter((name) => roleOf(name) === 'owner');
  const notDeclared = (name: string) =>
    `'${name}' is not a declared principal; declared: ${listOr(declared, 'none')}`;

  const isDeclared = (path: DocumentPath, name: string): boolean => {
    if (roleOf(name) !== undefined) return true;
    add(path, notDeclared(name));
    return false;
  };
  const isOwner = (path: DocumentPath, name: string): boolean => {
    const role = roleOf(name);
    if (role === 'owner') return true;
    add(
      path,
      role === undefined
        ? notDeclared(name)
        : `'${name}' is a ${role}, not an owner; owners: ${listOr(owners, 'none')}`,
    );
    return false;
  };
  const partitionsOf = (owner: PrincipalName) => Object.keys(scenario.owners[owner]?.partitions ?? {});
  const isPartition = (path: DocumentPath, owner: PrincipalName, label: string): boolean => {
    const labels = partitionsOf(owner);
    if (labels.includes(label)) return true;
    add(path, `'${label}' is not a partition of ${owner}; allowed: ${labels.join(', ')}`);
    return false;
  };
  const distinct = (path: DocumentPath, names: readonly string[]): void => {
    for (const [i, name] of names.entries()) {
      if (names.indexOf(name) !== i) add([...path, i], `'${name}' is listed twice`);
    }
  };
  const isWindow = (endPath: DocumentPath, window: TimeWindow): void => {
    if (window.start >= window.end) {
      add(
        endPath,
        `a window must end after it starts; it starts ${instant(window.start)} and ends ${instant(window.end)}`,
      );
    }
  };

  for (const name of declared) {
    if ((INFRASTRUCTURE as readonly string[]).includes(name)) {
      add(
        ['principals', name],
        `'${name}' names infrastructure (${INFRASTRUCTURE.join(', ')}); choose another name`,
        'key',
      );
    }
  }
  for (const [name, policy] of Object.entries(scenario.owners)) {
    const role = roleOf(name);
    if (role !== 'owner') {
      const message =
        role === undefined
          ? notDeclared(name)
          : `'${name}' is a ${role}; owners lists principals with role owner: ${listOr(owners, 'none')}`;
      add(['owners', name], message, 'key');
      continue;
    }
    if (Object.keys(policy.partitions).length === 0) {
      add(
        ['owners', name, 'partitions'],
        'an owner needs at least one partition; leave partitions out for the defaults',
      );
    }
    for (const [grantee, labels] of Object.entries(policy.grants)) {
      const path = ['owners', name, 'grants', grantee];
      distinct(path, labels);
      for (const [i, label] of labels.entries()) isPartition([...path, i], name as PrincipalName, label);
    }
  }

  const live = new Map<FileName, LiveFile>();
  const deleted = new Map<FileName, Step>();
  /** The file if present when the step runs; otherwise a problem saying why not. */
  const present = (path: DocumentPath, file: FileName): LiveFile | undefined => {
    const found = live.get(file);
    if (found !== undefined) return found;
    const gone = deleted.get(file);
    const files = listOr([...live.keys()], 'none');
    if (gone !== undefined) add(path, `'${file}' was deleted by ${where(gone)}; files present: ${files}`);
    else if (live.size === 0) add(path, `'${file}' is not uploaded yet, and no file is: upload it first`);
    else add(path, `'${file}' is not uploaded yet; files present: ${files}`);
    return undefined;
  };
  /** The file if present and owned by the step's `owner` (itself checked to be an owner). */
  const ownedBy = (at: DocumentPath, owner: PrincipalName, file: FileName): LiveFile | undefined => {
    const ownerOk = isOwner([...at, 'owner'], owner);
    const found = present([...at, 'file'], file);
    if (found?.owner === undefined || !ownerOk) return undefined;
    if (found.owner === owner) return found;
    add(
      [...at, 'file'],
      `'${file}' belongs to ${found.owner} (uploaded by ${where(found.uploadedBy)}), not ${owner}`,
    );
    return undefined;
  };
  /** Checks a step's `partition` (and `version`, if any) against the file it names. */
  const partitionOfFile = (
    at: DocumentPath,
    file: LiveFile | undefined,
    label: PartitionLabel,
    version?: number,
  ): void => {
    if (file?.owner === undefined || !isPartition([...at, 'partition'], file.owner, label)) return;
    const latest = file.versions.get(label) ?? 1;
    if (version !== undefined && version > latest) {
      const written = latest === 1 ? 'only version 1 is written' : `versions 1 to ${latest} are written`;
      add([...at, 'version'], `${label} has no version ${version} yet; ${written}`);
    }
  };

  for (const step of scenario.steps) {
    const at: DocumentPath = ['steps', step.index, step.op];
    switch (step.op) {
      case 'register':
      case 'approve':
      case 'reject':
      case 'revoke-certificate':
        isDeclared([...at, 'principal'], step.principal);
        break;
      case 'upload': {
        const ownerOk = isOwner([...at, 'owner'], step.owner);
        const existing = live.get(step.file);
        if (existing !== undefined) {
          add(
            [...at, 'file'],
            `'${step.file}' is already uploaded by ${where(existing.uploadedBy)}; update it, or delete it first`,
          );
        } else {
          const versions = new Map(
            ownerOk ? partitionsOf(step.owner).map((label) => [label as PartitionLabel, 1]) : [],
          );
          live.set(step.file, { owner: ownerOk ? step.owner : undefined, uploadedBy: step, versions });
          deleted.delete(step.file);
        }
        if (step.window !== undefined) isWindow([...at, 'window', 1], step.window);
        break;
      }
      case 'update': {
        const file = ownedBy(at, step.owner, step.file);
        if (file !== undefined && isPartition([...at, 'partition'], step.owner, step.partition)) {
          file.versions.set(step.partition, (file.versions.get(step.partition) ?? 1) + 1);
        }
        break;
      }
      case 'delete':
        if (ownedBy(at, step.owner, step.file) !== undefined) {
          live.delete(step.file);
          deleted.set(step.file, step);
        }
        break;
      case 'grant':
        if (isOwner([...at, 'owner'], step.owner)) {
          distinct([...at, 'partitions'], step.partitions);
          for (const [i, label] of step.partitions.entries())
            isPartition([...at, 'partitions', i], step.owner, label);
        }
        if (step.grantee.kind === 'user') isDeclared([...at, 'user'], step.grantee.user);
        break;
      case 'revoke':
      case 'join':
        isOwner([...at, 'owner'], step.owner);
        isDeclared([...at, 'user'], step.user);
        break;
      case 'window':
        ownedBy(at, step.owner, step.file);
        isWindow([...at, 'end'], step.window);
        break;
      case 'tick':
        break;
      case 'request':
      case 'decrypt':
        isDeclared([...at, 'user'], step.user);
        partitionOfFile(at, present([...at, 'file'], step.file), step.partition, step.version);
        break;
      case 'download':
        isDeclared([...at, 'user'], step.user);
        present([...at, 'file'], step.file);
        break;
      case 'search':
        isDeclared([...at, 'user'], step.user);
        break;
      case 'consent':
        ownedBy(at, step.owner, step.file);
        isDeclared([...at, 'user'], step.user);
        break;
      case 'forward':
        isDeclared([...at, 'from'], step.from);
        isDeclared([...at, 'to'], step.to);
        partitionOfFile(at, present([...at, 'file'], step.file), step.partition);
        break;
      case 'audit':
        present([...at, 'file'], step.file);
        break;
      case 'tamper': {
        const file = present([...at, 'file'], step.file);
        if (step.partition !== undefined) partitionOfFile(at, file, step.partition);
        break;
      }
      case 'collude': {
        distinct(
          [...at, 'members'],
          step.members.map((member) => member.name),
        );
        for (const [i, member] of step.members.entries()) {
          if (member.kind === 'principal' && roleOf(member.name) === undefined) {
            add(
              [...at, 'members', i],
              `'${member.name}' is neither a declared principal nor infrastructure; declared: ${listOr(declared, 'none')}; infrastructure: ${INFRASTRUCTURE.join(', ')}`,
            );
          }
        }
        partitionOfFile(at, present([...at, 'file'], step.file), step.partition, step.version);
        break;
      }
      default: {
        const unreachable: never = step;
        throw new Error(`loader bug: unknown step ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return problems;
}
