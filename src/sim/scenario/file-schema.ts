/**
 * The zod schema of a whole scenario file, as written. It checks shape only (types, syntaxes,
 * closed key sets); references between parts (a step's principal is declared, a partition is the
 * owner's, a file was uploaded) are checked after resolution by `check-references.ts`. The same
 * schema, turned into JSON Schema, is what editors validate against.
 */
import { z } from 'zod';
import { OPERATION_NAMES, type OPERATIONS, stepSchemaOf } from './operations.ts';
import { instantSchema, nameSchema, roleSchema } from './value-schemas.ts';
import { HISTORY_POLICIES, USER_ROLES, VARIANTS } from './vocabulary.ts';

const principalEntrySchema = z
  .strictObject({
    role: roleSchema,
    registered: z
      .boolean()
      .optional()
      .describe(
        'true or false (default true); false: the principal registers during the run, with a register step',
      ),
    approved: z
      .boolean()
      .optional()
      .describe('true or false (default true); false: the registration waits for an approve or reject step'),
  })
  .superRefine((entry, ctx) => {
    if (entry.registered === false && entry.approved !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['approved'],
        message:
          'approved applies to principals registered from the start; with registered: false, ' +
          'use register and approve steps',
      });
    }
  })
  .describe('a principal: its role, and whether it starts registered and approved');

const ownerEntrySchema = z
  .strictObject({
    partitions: z
      .record(
        nameSchema('a partition label'),
        z.int().min(1).describe('an access level: a whole number from 1'),
      )
      .optional()
      .describe(
        'a map from partition label to access level (default personal: 1, medical: 2, insurance: 3, prescription: 4)',
      ),
    grants: z
      .partialRecord(
        z.enum(USER_ROLES).describe(`a user role: ${USER_ROLES.join(', ')}`),
        z
          .array(nameSchema("a partition label of the owner's"))
          .describe("a list of the owner's partition labels"),
      )
      .optional()
      .describe('a map from user role to the partitions it may read (default: none)'),
    history: z
      .enum(HISTORY_POLICIES)
      .optional()
      .describe('all (a joining user reads past versions too; the default) or from-join'),
    consent: z
      .boolean()
      .optional()
      .describe(
        "true or false (default false): whether every download of the owner's files needs the owner's one-time code",
      ),
  })
  .describe("an owner's partitions and access policy");

/** Builds the file schema around a step schema: the real union for publishing, anything for pass one. */
function scenarioFileShape<S extends z.ZodType>(step: S) {
  return z
    .strictObject({
      name: z.string().min(1).describe('a name for the scenario, kebab-case recommended'),
      description: z.string().optional().describe('text: what the scenario shows'),
      seed: z
        .union([z.int(), z.string().min(1)])
        .optional()
        .describe(
          'the seed of every random choice: an integer or a string (the runner draws and prints one when absent)',
        ),
      variant: z
        .enum(VARIANTS)
        .optional()
        .describe(`the protocol variant: ${VARIANTS.join(', ')} (default secure)`),
      start: instantSchema
        .optional()
        .describe(
          'an ISO 8601 instant to the second with a zone: when the simulated clock starts (default 2026-01-01T00:00:00Z)',
        ),
      buckets: z
        .int()
        .min(1)
        .optional()
        .describe(
          'a whole number from 1: the storage buckets the cloud spreads chunks over (default 1, no chunking)',
        ),
      principals: z
        .record(nameSchema('a principal name'), principalEntrySchema)
        .describe('a map from principal name to { role, registered?, approved? }'),
      owners: z
        .record(nameSchema('an owner (a principal with role owner)'), ownerEntrySchema)
        .describe(
          'a map from owner name to { partitions?, grants?, history?, consent? }; owners not listed get the defaults',
        ),
      steps: z
        .array(step)
        .min(1)
        .describe(`a non-empty list of steps, each one operation: ${OPERATION_NAMES.join(', ')}`),
    })
    .meta({
      title: 'SeSPHR Lab scenario',
      description: 'A scenario file for sesphr run: principals, owner policies and the steps to play.',
    });
}

const [firstOp, ...otherOps] = OPERATION_NAMES as [keyof typeof OPERATIONS, ...(keyof typeof OPERATIONS)[]];

/** One step: exactly one operation key and an optional expect. */
export const stepSchema = z
  .union([stepSchemaOf(firstOp), ...otherOps.map((op) => stepSchemaOf(op))])
  .describe('a step: one operation as key, its arguments as value, and an optional expect');

/** The complete file schema; what the JSON Schema is generated from. */
export const scenarioFileSchema = scenarioFileShape(stepSchema);

/**
 * The file schema with steps left open. The loader checks each step on its own against its
 * operation's schema, because a failed union says only "no alternative matched" where the
 * author needs "partition is missing".
 */
export const scenarioEnvelopeSchema = scenarioFileShape(z.unknown());

/** A shape-checked principal entry, as written. */
export type RawPrincipal = z.output<typeof principalEntrySchema>;
/** A shape-checked owner entry, as written. */
export type RawOwner = z.output<typeof ownerEntrySchema>;
/** A shape-checked file apart from its steps, as written. */
export type RawEnvelope = Omit<z.output<typeof scenarioEnvelopeSchema>, 'steps'>;

/**
 * The JSON Schema of scenario files (draft-07, which editors' YAML plugins support best), as the
 * text committed at scenarios/scenario.schema.json.
 */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(scenarioFileSchema, { target: 'draft-7' }), null, 2)}\n`;
}
