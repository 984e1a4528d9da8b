/**
 * The operations the SeSPHR net is driven by: one value per scenario step, with plain ids. The
 * shapes mirror the scenario steps of `src/sim/scenario` field for field (coalition members as
 * plain names), so the simulator turns a step into an op by copying; the protocol layer cannot
 * import the simulator, hence its own union here.
 * @module
 */
import type { Role, UserRole } from '../ids.ts';

/** An inclusive time window in unix seconds, as the scenario gives it. */
export interface OpWindow {
  readonly start: number;
  readonly end: number;
}

/** Whom a `grant` gives partitions to. */
export type OpGrantee =
  | { readonly kind: 'role'; readonly role: UserRole }
  | { readonly kind: 'user'; readonly user: string };

/** One scenario operation with plain ids; `op` is the scenario's operation name. */
export type NetOp =
  | { readonly op: 'register'; readonly principal: string; readonly role: Role }
  | { readonly op: 'approve'; readonly principal: string }
  | { readonly op: 'reject'; readonly principal: string }
  | { readonly op: 'revoke-certificate'; readonly principal: string }
  | {
      readonly op: 'upload';
      readonly owner: string;
      readonly file: string;
      readonly window?: OpWindow;
      readonly consent: boolean;
    }
  | { readonly op: 'update'; readonly owner: string; readonly file: string; readonly partition: string }
  | { readonly op: 'delete'; readonly owner: string; readonly file: string }
  | {
      readonly op: 'grant';
      readonly owner: string;
      readonly grantee: OpGrantee;
      readonly partitions: readonly string[];
    }
  | { readonly op: 'revoke'; readonly owner: string; readonly user: string }
  | { readonly op: 'join'; readonly owner: string; readonly user: string; readonly role: UserRole }
  | { readonly op: 'window'; readonly owner: string; readonly file: string; readonly window: OpWindow }
  | { readonly op: 'tick'; readonly by: number }
  | {
      readonly op: 'request';
      readonly user: string;
      readonly file: string;
      readonly partition: string;
      readonly version?: number;
    }
  | { readonly op: 'download'; readonly user: string; readonly file: string }
  | {
      readonly op: 'decrypt';
      readonly user: string;
      readonly file: string;
      readonly partition: string;
      readonly version?: number;
    }
  | { readonly op: 'search'; readonly user: string; readonly keyword: string }
  | { readonly op: 'consent'; readonly owner: string; readonly user: string; readonly file: string }
  | {
      readonly op: 'forward';
      readonly from: string;
      readonly to: string;
      readonly file: string;
      readonly partition: string;
    }
  | { readonly op: 'audit'; readonly file: string }
  | {
      /** The partition the bit is flipped in; the concrete run draws one when a step names none,
       * so a side-by-side runner passes the one it drew. Default: the owner's first partition. */
      readonly op: 'tamper';
      readonly file: string;
      readonly partition?: string;
    }
  | {
      readonly op: 'collude';
      readonly members: readonly string[];
      readonly file: string;
      readonly partition: string;
      readonly version?: number;
    };

/** The name of an operation. */
export type NetOpName = NetOp['op'];

/** Every operation name, in the scenario table's order (the `op` field of refusal tokens). */
export const NET_OP_NAMES: readonly NetOpName[] = Object.freeze([
  'register',
  'approve',
  'reject',
  'revoke-certificate',
  'upload',
  'update',
  'delete',
  'grant',
  'revoke',
  'join',
  'window',
  'tick',
  'request',
  'download',
  'decrypt',
  'search',
  'consent',
  'forward',
  'audit',
  'tamper',
  'collude',
]);

/** The op of `op`'s kind: narrows the union for per-operation code. */
export type NetOpOf<Name extends NetOpName> = Extract<NetOp, { readonly op: Name }>;
