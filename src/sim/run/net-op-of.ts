/**
 * A scenario step as the SeSPHR net's operation. The net's `NetOp` mirrors the steps field for
 * field with plain ids, so the conversion only drops what the net does not model (the step's
 * place in the file, its expectation, an upload's size) and names coalition members plainly.
 */
import type { NetOp } from '../../protocol/index.ts';
import type { Step } from '../scenario/index.ts';

/**
 * The net operation of `step`. `tamperPartition` is the partition the concrete run drew for a
 * `tamper` that names none: the net cannot draw from the seed, so it is told.
 */
export function netOpOf(step: Step, tamperPartition?: string): NetOp {
  switch (step.op) {
    case 'register':
      return { op: step.op, principal: step.principal, role: step.role };
    case 'approve':
    case 'reject':
    case 'revoke-certificate':
      return { op: step.op, principal: step.principal };
    case 'upload':
      return {
        op: step.op,
        owner: step.owner,
        file: step.file,
        consent: step.consent,
        ...(step.window === undefined ? {} : { window: step.window }),
      };
    case 'update':
      return { op: step.op, owner: step.owner, file: step.file, partition: step.partition };
    case 'delete':
      return { op: step.op, owner: step.owner, file: step.file };
    case 'grant':
      return { op: step.op, owner: step.owner, grantee: step.grantee, partitions: step.partitions };
    case 'revoke':
      return { op: step.op, owner: step.owner, user: step.user };
    case 'join':
      return { op: step.op, owner: step.owner, user: step.user, role: step.role };
    case 'window':
      return { op: step.op, owner: step.owner, file: step.file, window: step.window };
    case 'tick':
      return { op: step.op, by: step.by };
    case 'request':
    case 'decrypt':
      return {
        op: step.op,
        user: step.user,
        file: step.file,
        partition: step.partition,
        ...(step.version === undefined ? {} : { version: step.version }),
      };
    case 'download':
      return { op: step.op, user: step.user, file: step.file };
    case 'search':
      return { op: step.op, user: step.user, keyword: step.keyword };
    case 'consent':
      return { op: step.op, owner: step.owner, user: step.user, file: step.file };
    case 'forward':
      return { op: step.op, from: step.from, to: step.to, file: step.file, partition: step.partition };
    case 'audit':
      return { op: step.op, file: step.file };
    case 'tamper': {
      const partition = step.partition ?? tamperPartition;
      return { op: step.op, file: step.file, ...(partition === undefined ? {} : { partition }) };
    }
    case 'collude':
      return {
        op: step.op,
        members: step.members.map((m) => m.name),
        file: step.file,
        partition: step.partition,
        ...(step.version === undefined ? {} : { version: step.version }),
      };
    default: {
      const never: never = step;
      throw new TypeError(`netOpOf: unknown operation in ${JSON.stringify(never)}`);
    }
  }
}
