/**
 * Writes a resolved {@link Scenario} back as a scenario file. Campaigns write their shrunk failures
 * and the verifier its counterexamples this way, so what a machine found is a file a person can
 * read, edit and replay with `sesphr run`. Values are written in their exact forms (instants in UTC,
 * sizes in bytes, durations in seconds), so loading the text gives the same scenario back.
 */
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { Scenario, Step, TimeWindow } from './scenario.ts';

/** Where the published JSON Schema of scenario files lives in this checkout. */
export const SCENARIO_SCHEMA_FILE = fileURLToPath(
  new URL('../../../scenarios/scenario.schema.json', import.meta.url),
);

/**
 * The `$schema` reference for a scenario file written at `path`: relative, so editors find the
 * schema from wherever the file is (bundled scenarios sit beside it, campaign and verifier files
 * under `reports/`).
 */
export const schemaReferenceFrom = (path: string): string => {
  const reference = relative(dirname(path), SCENARIO_SCHEMA_FILE);
  return reference.startsWith('.') ? reference : `./${reference}`;
};

/** How {@link stringifyScenario} labels the file. */
export interface ScenarioTextOptions {
  /** Comment lines above the scenario: say how the file was made, so a reader knows what it is for. */
  readonly header?: readonly string[];
  /** The `$schema` reference; default `./scenario.schema.json` (a file in `scenarios/`). */
  readonly schema?: string;
}

/** An instant as ISO 8601 in UTC, to the second (the form the loader reads back exactly). */
export const isoInstant = (unixSeconds: number): string =>
  new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z');

const windowPair = (w: TimeWindow): [string, string] => [isoInstant(w.start), isoInstant(w.end)];

/** A step's argument map as written in a file, in the order the operation table lists them. */
function stepArguments(step: Step): Record<string, unknown> {
  switch (step.op) {
    case 'register':
      return { principal: step.principal, role: step.role };
    case 'approve':
    case 'reject':
    case 'revoke-certificate':
      return { principal: step.principal };
    case 'upload':
      return {
        owner: step.owner,
        file: step.file,
        size: `${step.size}B`,
        ...(step.window === undefined ? {} : { window: windowPair(step.window) }),
        consent: step.consent,
      };
    case 'update':
      return { owner: step.owner, file: step.file, partition: step.partition };
    case 'delete':
      return { owner: step.owner, file: step.file };
    case 'grant':
      return step.grantee.kind === 'role'
        ? { owner: step.owner, role: step.grantee.role, partitions: [...step.partitions] }
        : { owner: step.owner, user: step.grantee.user, partitions: [...step.partitions] };
    case 'revoke':
      return { owner: step.owner, user: step.user };
    case 'join':
      return { owner: step.owner, user: step.user, role: step.role };
    case 'window': {
      const [start, end] = windowPair(step.window);
      return { owner: step.owner, file: step.file, start, end };
    }
    case 'tick':
      return { by: `${step.by}s` };
    case 'request':
    case 'decrypt':
      return {
        user: step.user,
        file: step.file,
        partition: step.partition,
        ...(step.version === undefined ? {} : { version: step.version }),
      };
    case 'download':
      return { user: step.user, file: step.file };
    case 'search':
      return { user: step.user, keyword: step.keyword };
    case 'consent':
      return { owner: step.owner, user: step.user, file: step.file };
    case 'forward':
      return { from: step.from, to: step.to, file: step.file, partition: step.partition };
    case 'audit':
      return { file: step.file };
    case 'tamper':
      return { file: step.file, ...(step.partition === undefined ? {} : { partition: step.partition }) };
    case 'collude':
      return {
        members: step.members.map((m) => m.name),
        file: step.file,
        partition: step.partition,
        ...(step.version === undefined ? {} : { version: step.version }),
      };
    default: {
      const unreachable: never = step;
      throw new TypeError(`unknown step ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The scenario as the plain data of a scenario file (what the YAML text holds). */
export function scenarioDocument(scenario: Scenario): Record<string, unknown> {
  const principals = Object.fromEntries(
    Object.values(scenario.principals).map((p) => [
      p.name,
      {
        role: p.role,
        ...(p.status === 'unregistered' ? { registered: false } : {}),
        ...(p.status === 'pending' ? { approved: false } : {}),
      },
    ]),
  );
  const owners = Object.fromEntries(
    Object.entries(scenario.owners).map(([name, policy]) => [
      name,
      {
        partitions: { ...policy.partitions },
        grants: Object.fromEntries(
          Object.entries(policy.grants)
            .filter(([, labels]) => labels.length > 0)
            .map(([role, labels]) => [role, [...labels]]),
        ),
        history: policy.history,
        consent: policy.consent,
      },
    ]),
  );
  return {
    name: scenario.name,
    ...(scenario.description === undefined ? {} : { description: scenario.description }),
    ...(scenario.seed === undefined ? {} : { seed: scenario.seed }),
    variant: scenario.variant,
    start: isoInstant(scenario.start),
    buckets: scenario.buckets,
    principals,
    owners,
    steps: scenario.steps.map((step) => ({
      [step.op]: stepArguments(step),
      ...(step.expect === undefined ? {} : { expect: step.expect }),
    })),
  };
}

/**
 * The scenario as YAML text that `parseScenario` loads back to the same scenario (but for `source`
 * and the steps' `line`s), headed by the editor's schema line and the `header` comments.
 */
export function stringifyScenario(scenario: Scenario, options: ScenarioTextOptions = {}): string {
  const { header = [], schema = './scenario.schema.json' } = options;
  const comments = [`# yaml-language-server: $schema=${schema}`, ...header.map((line) => `# ${line}`)].join(
    '\n',
  );
  return `${comments}\n${stringify(scenarioDocument(scenario), { lineWidth: 100 })}`;
}
