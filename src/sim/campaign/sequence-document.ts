/**
 * A drawn world and sequence as a scenario: first as the plain data of a scenario file, then loaded
 * by the scenario loader itself, so every sequence a campaign runs (and every shrunk one it writes)
 * is a scenario `sesphr run` accepts. Intents are resolved against the files present at their point
 * in the sequence; one that names a file not present (never uploaded, or deleted) is dropped, as is
 * an upload of a file already present, so shrinking never produces an invalid file.
 */
import { stringify } from 'yaml';
import { parseScenario, type Scenario, scenarioOrThrow, type Variant } from '../scenario/index.ts';
import {
  CAMPAIGN_KEYWORDS,
  CAMPAIGN_TICKS,
  CAMPAIGN_WINDOWS,
  COALITION_SLOTS,
  type Intent,
} from './campaign-ops.ts';
import {
  CAMPAIGN_PARTITIONS,
  CAMPAIGN_UPLOAD_BYTES,
  type CampaignWorld,
  FILE_NAMES,
  fileOwner,
  OWNER_NAMES,
} from './campaign-world.ts';

/** What names a sequence's scenario: its name, the seed its protocol run uses, the variant. */
export interface SequenceHeader {
  readonly name: string;
  readonly seed: string;
  readonly variant: Variant;
  readonly description?: string;
}

type StepData = Record<string, unknown>;

/** The steps `intents` resolve to in `world`, in order (dropped intents leave no step). */
export function sequenceSteps(world: CampaignWorld, intents: readonly Intent[]): StepData[] {
  const user = (i: number) => world.users[i % world.users.length]!.name;
  const owner = (i: number) => OWNER_NAMES[i % world.owners.length]!;
  const fileName = (i: number) => FILE_NAMES[i % world.files]!;
  const live = new Map<string, { owner: string; versions: Map<string, number> }>();
  const present = (i: number) => {
    const name = fileName(i);
    const found = live.get(name);
    return found === undefined ? undefined : { name, ...found };
  };
  const steps: StepData[] = [];
  for (const it of intents) {
    const step = resolve(it);
    if (step !== undefined) steps.push(step);
  }
  return steps;

  function resolve(it: Intent): StepData | undefined {
    switch (it.op) {
      case 'upload': {
        const name = fileName(it.file);
        if (live.has(name)) return undefined;
        const by = fileOwner(world, it.file % world.files);
        live.set(name, { owner: by, versions: new Map() });
        const window = it.window === undefined ? undefined : CAMPAIGN_WINDOWS[it.window];
        return {
          upload: {
            owner: by,
            file: name,
            size: `${CAMPAIGN_UPLOAD_BYTES}B`,
            ...(window === undefined ? {} : { window: [...window] }),
            ...(it.consent === undefined ? {} : { consent: it.consent }),
          },
        };
      }
      case 'update': {
        const f = present(it.file);
        if (f === undefined) return undefined;
        f.versions.set(it.partition, (f.versions.get(it.partition) ?? 1) + 1);
        return { update: { owner: f.owner, file: f.name, partition: it.partition } };
      }
      case 'delete': {
        const f = present(it.file);
        if (f === undefined) return undefined;
        live.delete(f.name);
        return { delete: { owner: f.owner, file: f.name } };
      }
      case 'grant-role':
        return { grant: { owner: owner(it.owner), role: it.role, partitions: [...it.partitions] } };
      case 'grant-user':
        return { grant: { owner: owner(it.owner), user: user(it.user), partitions: [...it.partitions] } };
      case 'revoke':
        return { revoke: { owner: owner(it.owner), user: user(it.user) } };
      case 'join':
        return { join: { owner: owner(it.owner), user: user(it.user), role: it.role } };
      case 'window': {
        const f = present(it.file);
        const [start, end] = CAMPAIGN_WINDOWS[it.window % CAMPAIGN_WINDOWS.length]!;
        return f === undefined ? undefined : { window: { owner: f.owner, file: f.name, start, end } };
      }
      case 'tick':
        return { tick: { by: CAMPAIGN_TICKS.includes(it.by) ? it.by : CAMPAIGN_TICKS[0] } };
      case 'request':
      case 'decrypt': {
        const f = present(it.file);
        if (f === undefined) return undefined;
        const written = f.versions.get(it.partition) ?? 1;
        const version = it.version !== undefined && it.version <= written ? { version: it.version } : {};
        return { [it.op]: { user: user(it.user), file: f.name, partition: it.partition, ...version } };
      }
      case 'download': {
        const f = present(it.file);
        return f === undefined ? undefined : { download: { user: user(it.user), file: f.name } };
      }
      case 'consent': {
        const f = present(it.file);
        return f === undefined
          ? undefined
          : { consent: { owner: f.owner, user: user(it.user), file: f.name } };
      }
      case 'search':
        return {
          search: {
            user: user(it.user),
            keyword: CAMPAIGN_KEYWORDS.includes(it.keyword) ? it.keyword : CAMPAIGN_KEYWORDS[0],
          },
        };
      case 'forward': {
        const f = present(it.file);
        if (f === undefined) return undefined;
        return { forward: { from: user(it.from), to: user(it.to), file: f.name, partition: it.partition } };
      }
      case 'audit': {
        const f = present(it.file);
        return f === undefined ? undefined : { audit: { file: f.name } };
      }
      case 'tamper': {
        const f = present(it.file);
        if (f === undefined) return undefined;
        return {
          tamper: { file: f.name, ...(it.partition === undefined ? {} : { partition: it.partition }) },
        };
      }
      case 'collude': {
        const f = present(it.file);
        if (f === undefined) return undefined;
        const members = [
          ...new Set(
            it.members
              .filter((m) => (COALITION_SLOTS as readonly unknown[]).includes(m))
              .map((m) => (typeof m === 'number' ? user(m) : m)),
          ),
        ];
        return { collude: { members, file: f.name, partition: it.partition } };
      }
      case 'register': {
        const u = world.users[it.user % world.users.length]!;
        return { register: { principal: u.name, role: u.role } };
      }
      case 'approve':
      case 'reject':
      case 'revoke-certificate':
        return { [it.op]: { principal: user(it.user) } };
      default: {
        const never: never = it;
        throw new TypeError(`sequenceSteps: unknown intent ${JSON.stringify(never)}`);
      }
    }
  }
}

/** The scenario file's data for `world` and `steps`. */
export function sequenceDocument(
  header: SequenceHeader,
  world: CampaignWorld,
  steps: readonly StepData[],
): Record<string, unknown> {
  const principals: Record<string, unknown> = {};
  world.owners.forEach((_, i) => {
    principals[OWNER_NAMES[i]!] = { role: 'owner' };
  });
  for (const u of world.users) {
    principals[u.name] = {
      role: u.role,
      ...(u.status === 'pending' ? { approved: false } : {}),
      ...(u.status === 'unregistered' ? { registered: false } : {}),
    };
  }
  const owners = Object.fromEntries(
    world.owners.map((p, i) => [
      OWNER_NAMES[i]!,
      {
        partitions: { ...CAMPAIGN_PARTITIONS },
        grants: Object.fromEntries(
          Object.entries(p.grants)
            .filter(([, labels]) => labels.length > 0)
            .map(([role, labels]) => [role, [...labels]]),
        ),
        history: p.history,
        consent: p.consent,
      },
    ]),
  );
  return {
    name: header.name,
    ...(header.description === undefined ? {} : { description: header.description }),
    seed: header.seed,
    variant: header.variant,
    principals,
    owners,
    steps,
  };
}

/** The loaded scenario of `world` and `steps` (the loader is the judge: a generator bug throws here). */
export function stepsScenario(
  header: SequenceHeader,
  world: CampaignWorld,
  steps: readonly StepData[],
): Scenario {
  const text = stringify(sequenceDocument(header, world, steps), { lineWidth: 100 });
  return scenarioOrThrow(parseScenario(text, header.name));
}

/** The loaded scenario of a sequence. */
export function sequenceScenario(
  header: SequenceHeader,
  world: CampaignWorld,
  intents: readonly Intent[],
): Scenario {
  return stepsScenario(header, world, sequenceSteps(world, intents));
}
