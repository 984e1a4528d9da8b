/**
 * The operations a scenario step can perform: for each, its arguments (zod), the outcomes an
 * `expect` may name, and a one-line summary. This table is the single source of the step schema,
 * the published JSON Schema, the loader's messages and the README's operation table.
 */
import { z } from 'zod';
import {
  durationSchema,
  fileSchema,
  nameSchema,
  ownerSchema,
  partitionListSchema,
  partitionSchema,
  principalSchema,
  roleSchema,
  sizeSchema,
  timeSchema,
  userRoleSchema,
  versionSchema,
} from './value-schemas.ts';
import { INFRASTRUCTURE } from './vocabulary.ts';

/** Argument maps are closed: an unknown argument is an error, never silently ignored. */
export type ArgsSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** One operation: what it may answer, what it does, and its argument maps (usually one). */
export interface OperationSpec<
  O extends readonly [string, ...string[]] = readonly [string, ...string[]],
  V extends readonly [ArgsSchema, ...ArgsSchema[]] = readonly [ArgsSchema, ...ArgsSchema[]],
> {
  readonly outcomes: O;
  readonly summary: string;
  /** Alternative argument maps, told apart by a key only one of them has (`grant`: role or user). */
  readonly variants: V;
}

function operation<
  const O extends readonly [string, ...string[]],
  const V extends readonly [ArgsSchema, ...ArgsSchema[]],
>(outcomes: O, summary: string, ...variants: V): OperationSpec<O, V> {
  return { outcomes, summary, variants };
}

const args = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);

/** Every operation, in the order the README and the messages list them. */
export const OPERATIONS = {
  register: operation(
    ['ok', 'denied'],
    'A principal asks the CA to register it with a role; the registration then waits for the admin.',
    args({ principal: principalSchema, role: roleSchema }),
  ),
  approve: operation(
    ['ok'],
    "The admin approves a pending registration; the CA issues the principal's certificate.",
    args({ principal: principalSchema }),
  ),
  reject: operation(
    ['ok'],
    'The admin rejects a pending registration.',
    args({ principal: principalSchema }),
  ),
  'revoke-certificate': operation(
    ['ok'],
    "The CA revokes a principal's certificate; the SRS and the cloud refuse it from then on.",
    args({ principal: principalSchema }),
  ),
  upload: operation(
    ['ok'],
    'The owner encrypts a new file (a fresh r per access level), sends the ciphertext to the cloud and the ' +
      'parameters R to the SRS: version 1 of every partition. size defaults to 4KiB; window limits when ' +
      "the file may be read; consent (default: the owner's) makes downloads need the owner's one-time code.",
    args({
      owner: ownerSchema,
      file: fileSchema,
      size: sizeSchema.optional(),
      window: z
        .tuple([timeSchema, timeSchema])
        .optional()
        .describe('a list [start, end] of two times: the file may be read from start until end'),
      consent: z
        .boolean()
        .optional()
        .describe(
          "true or false (default: the owner's consent): whether downloads of this file need the owner's one-time code",
        ),
    }),
  ),
  update: operation(
    ['ok'],
    'The owner rewrites one partition of a file: its next version, under a fresh r, out of reach of ' +
      'parameters R kept from before.',
    args({ owner: ownerSchema, file: fileSchema, partition: partitionSchema }),
  ),
  delete: operation(
    ['ok'],
    'The owner deletes a file; no later step may name it.',
    args({ owner: ownerSchema, file: fileSchema }),
  ),
  grant: operation(
    ['ok'],
    "The owner's policy gives partitions to every user of a role (role) or to one user (user).",
    args({ owner: ownerSchema, role: userRoleSchema, partitions: partitionListSchema }),
    args({ owner: ownerSchema, user: principalSchema, partitions: partitionListSchema }),
  ),
  revoke: operation(
    ['ok'],
    'The owner revokes a user: the SRS deletes its keys and ACL entries; nothing is re-encrypted.',
    args({ owner: ownerSchema, user: principalSchema }),
  ),
  join: operation(
    ['ok', 'denied'],
    "A user joins an owner's group with a role; what it may read of the past follows the owner's history policy.",
    args({ owner: ownerSchema, user: principalSchema, role: userRoleSchema }),
  ),
  window: operation(
    ['ok'],
    "The owner sets a file's access window; the SRS refuses access outside it.",
    args({ owner: ownerSchema, file: fileSchema, start: timeSchema, end: timeSchema }),
  ),
  tick: operation(['ok'], 'The simulated clock moves forward.', args({ by: durationSchema })),
  request: operation(
    ['granted', 'denied'],
    'A user asks the SRS for the re-encrypted parameter R of a partition version (default the current ' +
      'one; paper rules D_R_S and D_R_F).',
    args({
      user: principalSchema,
      file: fileSchema,
      partition: partitionSchema,
      version: versionSchema.optional(),
    }),
  ),
  download: operation(
    ['ok', 'denied'],
    "A user downloads a file's ciphertext from the cloud, with the owner's one-time code when the file needs consent.",
    args({ user: principalSchema, file: fileSchema }),
  ),
  decrypt: operation(
    ['ok', 'fails'],
    'A user decrypts a partition version (default the current one) with what it holds: its key, the ' +
      'ciphertext and any R it kept.',
    args({
      user: principalSchema,
      file: fileSchema,
      partition: partitionSchema,
      version: versionSchema.optional(),
    }),
  ),
  search: operation(
    ['found', 'none', 'denied'],
    'A user searches the reports it may read by keyword, through the encrypted index.',
    args({ user: principalSchema, keyword: z.string().min(1).describe('a keyword: a non-empty string') }),
  ),
  consent: operation(
    ['ok'],
    "The owner's device issues the one-time code that lets a user download one file.",
    args({ owner: ownerSchema, user: principalSchema, file: fileSchema }),
  ),
  forward: operation(
    ['granted', 'denied'],
    "A user passes a partition on to another user, which succeeds only where the owner's policy gives " +
      'the receiver that partition.',
    args({ from: principalSchema, to: principalSchema, file: fileSchema, partition: partitionSchema }),
  ),
  audit: operation(
    ['clean', 'detected'],
    'The TPA challenges the cloud to prove it still holds the file intact.',
    args({ file: fileSchema }),
  ),
  tamper: operation(
    ['ok'],
    "Whoever holds the store (the cloud, or an attacker in it) flips a bit of the file's ciphertext, in " +
      'partition if given, else in one drawn from the seed.',
    args({ file: fileSchema, partition: partitionSchema.optional() }),
  ),
  collude: operation(
    ['decrypts', 'fails'],
    'A coalition pools everything its members know (keys, parameters, ciphertexts) and tries to decrypt ' +
      'a partition version (default the current one).',
    args({
      members: z
        .array(nameSchema(`a declared principal or one of ${INFRASTRUCTURE.join(', ')}`))
        .min(1)
        .describe(`the coalition: declared principals and ${INFRASTRUCTURE.join(', ')}; e.g. [srs, cloud]`),
      file: fileSchema,
      partition: partitionSchema,
      version: versionSchema.optional(),
    }),
  ),
} as const satisfies Record<string, OperationSpec>;

/** An operation's name: the key of a step. */
export type OperationName = keyof typeof OPERATIONS;

/** Every operation name, in table order. */
export const OPERATION_NAMES = Object.keys(OPERATIONS) as readonly OperationName[];

/** The outcomes `expect` may name for operation `Op`. */
export type OutcomeOf<Op extends OperationName> = (typeof OPERATIONS)[Op]['outcomes'][number];

/** Any outcome of any operation. */
export type Outcome = OutcomeOf<OperationName>;

/** The validated (not yet resolved) arguments of operation `Op`, as written in the file. */
export type RawArgsOf<Op extends OperationName> = z.output<(typeof OPERATIONS)[Op]['variants'][number]>;

/** Tells whether a step key names an operation. */
export const isOperationName = (key: string): key is OperationName => Object.hasOwn(OPERATIONS, key);

/**
 * The argument schema that applies to `given`: the variant owning a key that `given` has and no
 * other variant has (`grant` with `user` is the per-user form), else the first.
 */
export function argsVariant(op: OperationName, given: object): ArgsSchema {
  const variants: readonly ArgsSchema[] = OPERATIONS[op].variants;
  const distinctive = (variant: ArgsSchema) =>
    Object.keys(variant.shape).some(
      (key) =>
        Object.hasOwn(given, key) &&
        variants.every((other) => other === variant || !Object.hasOwn(other.shape, key)),
    );
  return variants.find(distinctive) ?? variants[0]!;
}

/** Zod compiles a schema on its first use; building each step schema once keeps loading fast. */
const stepSchemas = new Map<OperationName | ArgsSchema, StepSchema>();

/** `{ <op>: args, expect?: outcome }` and nothing else. */
type StepSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/**
 * The schema of one step performing `op`: `{ <op>: args, expect?: outcome }`, nothing else. With
 * `variant`, the arguments must be that variant; without, any of them.
 */
export function stepSchemaOf(op: OperationName, variant?: ArgsSchema): StepSchema {
  const cached = stepSchemas.get(variant ?? op);
  if (cached !== undefined) return cached;
  const spec: OperationSpec = OPERATIONS[op];
  const [first, ...rest] = spec.variants;
  const anyVariant = rest.length === 0 ? first : z.union([first, ...rest]);
  const argsSchema = (variant ?? anyVariant).describe(
    `${spec.summary} Outcomes: ${spec.outcomes.join(', ')}.`,
  );
  const schema = z.strictObject({
    [op]: argsSchema,
    expect: z
      .enum(spec.outcomes)
      .optional()
      .describe(`the outcome this step must have: ${spec.outcomes.join(', ')}`),
  });
  stepSchemas.set(variant ?? op, schema);
  return schema;
}
