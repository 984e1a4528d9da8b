/**
 * Shorthands for writing the net's guards and tokens in the engine's expression language, bound
 * to one instance's vocabulary: typed constants, field reads, the knowledge-token builder, and the
 * protocol's checks as named conditions. A check is a condition with the refusal reason its
 * failure gives; a list of checks in the protocol's order yields both "all pass" and "the reason
 * of the first that fails", which is how one refusal transition gives the protocol's reason.
 * @module
 */
import {
  add,
  and,
  type ColourSet,
  c,
  type Expr,
  eq,
  type FieldExpr,
  field,
  inSet,
  ite,
  le,
  mul,
  not,
  or,
  type TupleExpr,
  tuple,
  v,
} from '../../model/index.ts';
import type { DenialReason } from '../outcome.ts';
import type { FactKind, NetVocabulary } from './colours.ts';
import { type NetInstance, NONE } from './instance.ts';
import type { NetOpName } from './net-op.ts';
import { type TermFunction, term } from './terms.ts';

/** A protocol check: the condition and the reason a refusal gives when it does not hold. */
export interface Check {
  readonly holds: Expr;
  readonly reason: Expr;
}

/** What a knowledge token holds; unset fields take their "not applicable" value. */
export interface FactSpec {
  readonly kind: FactKind;
  readonly subject?: Expr;
  readonly owner?: Expr;
  readonly file?: Expr;
  readonly gen?: Expr;
  readonly partition?: Expr;
  readonly level?: Expr;
  readonly version?: Expr;
  readonly intact?: Expr;
  readonly time?: Expr;
  readonly era?: Expr;
  readonly born?: Expr;
  readonly payload: Expr;
}

/** The expression kit of one instance. */
export class Kit {
  readonly instance: NetInstance;
  readonly voc: NetVocabulary;
  /** The number of clock instants. */
  readonly T: number;

  constructor(instance: NetInstance, vocabulary: NetVocabulary) {
    this.instance = instance;
    this.voc = vocabulary;
    this.T = instance.times.length;
  }

  /** `x.name`. */
  f(x: string, name: string): FieldExpr {
    return field(v(x), name);
  }

  name(s: string): Expr {
    return c(s, this.voc.name);
  }
  file(s: string): Expr {
    return c(s, this.voc.file);
  }
  partition(s: string): Expr {
    return c(s, this.voc.partition);
  }
  role(s: string): Expr {
    return c(s, this.voc.role);
  }
  status(s: string): Expr {
    return c(s, this.voc.status);
  }
  keys(s: string): Expr {
    return c(s, this.voc.keys);
  }
  cert(s: string): Expr {
    return c(s, this.voc.cert);
  }
  fileState(s: string): Expr {
    return c(s, this.voc.fileState);
  }
  stage(s: string): Expr {
    return c(s, this.voc.stage);
  }
  randStage(s: string): Expr {
    return c(s, this.voc.randStage);
  }
  kind(s: FactKind): Expr {
    return c(s, this.voc.kind);
  }
  history(s: string): Expr {
    return c(s, this.voc.history);
  }
  reason(s: DenialReason): Expr {
    return c(s, this.voc.reason);
  }
  op(s: NetOpName): Expr {
    return c(s, this.voc.op);
  }

  /** `x.name = value`. */
  is(x: string, name: string, value: Expr): Expr {
    return eq(this.f(x, name), value);
  }

  /** `x.flag` for a boolean field. */
  flag(x: string, name: string): Expr {
    return eq(this.f(x, name), c(true));
  }

  /** The pair code `a * T + b` of two clock indices, for the instance's pair tables. */
  pair(a: Expr, b: Expr): Expr {
    return add(mul(a, c(this.T)), b);
  }

  /** A payload term. */
  term(fn: TermFunction, args: readonly Expr[]): Expr {
    return term(this.voc, fn, args);
  }

  /** A knowledge token. */
  fact(spec: FactSpec): TupleExpr {
    return tuple({
      kind: this.kind(spec.kind),
      subject: spec.subject ?? this.name(NONE),
      owner: spec.owner ?? this.name(NONE),
      file: spec.file ?? this.file(NONE),
      gen: spec.gen ?? c(0),
      partition: spec.partition ?? this.partition(NONE),
      level: spec.level ?? c(0),
      version: spec.version ?? c(0),
      intact: spec.intact ?? c(true),
      time: spec.time ?? c(0),
      era: spec.era ?? c(0),
      born: spec.born ?? c(0),
      payload: spec.payload,
    });
  }

  /** The token `x` (of colour `colour`) with some fields replaced. */
  copy(x: string, colour: ColourSet, replace: Readonly<Record<string, Expr>>): TupleExpr {
    return tuple(
      Object.fromEntries(colour.fields.map((f) => [f.name, replace[f.name] ?? this.f(x, f.name)])),
    );
  }

  // ------------------------------------------------------------------ protocol checks

  /**
   * Authentication at the SRS or the cloud (the gatekeeper): registered, approved by the admin,
   * presenting a valid certificate (issued, not revoked, not expired) for `p`, a Principal token.
   */
  auth(p: string, ck: string): readonly Check[] {
    const notExpired =
      this.instance.expired.length === 0
        ? c(true)
        : not(inSet(this.pair(this.f(p, 'certAt'), this.f(ck, 'now')), this.instance.expired));
    return [
      {
        holds: not(this.is(p, 'status', this.status('unregistered'))),
        reason: this.reason('unknown-principal'),
      },
      { holds: this.is(p, 'status', this.status('approved')), reason: this.reason('unapproved') },
      {
        holds: and(this.is(p, 'cert', this.cert('valid')), notExpired),
        reason: this.reason('bad-certificate'),
      },
    ];
  }

  /** The SRS's owner authentication: the gatekeeper, then the role must be `owner`. */
  ownerAuth(p: string, ck: string): readonly Check[] {
    return [
      ...this.auth(p, ck),
      { holds: this.is(p, 'role', this.role('owner')), reason: this.reason('not-owner') },
    ];
  }

  /** The system's own owner lookup: registered (any status), with the role `owner`. */
  ownerLookup(p: string): readonly Check[] {
    return [
      {
        holds: not(this.is(p, 'status', this.status('unregistered'))),
        reason: this.reason('unknown-principal'),
      },
      { holds: this.is(p, 'role', this.role('owner')), reason: this.reason('not-owner') },
    ];
  }

  /** The clock index `ck.now` lies in the window of File token `fr` (or it has none). */
  inWindow(fr: string, ck: string): Expr {
    return or(
      not(this.flag(fr, 'whas')),
      and(le(this.f(fr, 'wlo'), this.f(ck, 'now')), le(this.f(ck, 'now'), this.f(fr, 'whi'))),
    );
  }

  /**
   * The ACL decision of the SRS (rule 31's guard) for Member `mb`, grants `rg` (role) and `ug`
   * (user), owner policy `ow` and version `ve`: a member, granted the partition, and under
   * `from-join` the version written at or after the join.
   */
  acl(mb: string, rg: string, ug: string, ow: string, ve: string): readonly Check[] {
    return [
      {
        holds: this.flag(mb, 'member'),
        reason: ite(this.flag(mb, 'revoked'), this.reason('revoked'), this.reason('not-in-acl')),
      },
      { holds: or(this.flag(rg, 'on'), this.flag(ug, 'on')), reason: this.reason('not-in-acl') },
      {
        holds: or(
          this.is(ow, 'history', this.history('all')),
          le(this.f(mb, 'joinedAt'), this.f(ve, 'createdAt')),
        ),
        reason: this.reason('before-join'),
      },
    ];
  }
}

/** All checks hold. */
export function allHold(checks: readonly Check[]): Expr {
  return checks.length === 1 ? checks[0]!.holds : and(...checks.map((x) => x.holds));
}

/** Some check fails. */
export function someFails(checks: readonly Check[]): Expr {
  return not(allHold(checks));
}

/** The reason of the first failing check (meaningful only when some check fails). */
export function firstReason(checks: readonly Check[]): Expr {
  const last = checks[checks.length - 1];
  if (last === undefined) throw new RangeError('firstReason: no checks');
  let out = last.reason;
  for (let i = checks.length - 2; i >= 0; i--) out = ite(not(checks[i]!.holds), checks[i]!.reason, out);
  return out;
}
