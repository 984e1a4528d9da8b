/**
 * `sesphr verify`: the properties of SPEC section 5 on the SeSPHR net, each proved, violated (with
 * a scenario that replays the attack) or unknown, with its mutants. Parses and checks the flags,
 * calls the verifier, writes its files under --out and prints the table or one JSON object.
 * Exit codes are a contract: 0 when every verdict is the one SPEC section 5 expects for the
 * variant, 1 when one is not, 2 on bad flags.
 */
import { resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { PropertyId } from '../../protocol/net/index.ts';
import { VARIANTS, type Variant } from '../../protocol/variant.ts';
import { MAX_USERS } from '../../verify/sesphr-instance.ts';
import { SESPHR_PROPERTIES } from '../../verify/sesphr-properties.ts';
import { type EngineChoice, type VerifyConfig, verifySesphr } from '../../verify/sesphr-verification.ts';
import { writeSmtQueries } from '../../verify/smt-files.ts';
import type { SmtQuery } from '../../verify/smtlib.ts';
import { writeVerificationFiles } from '../../verify/verify-files.ts';
import { verificationJson, verificationTable } from '../../verify/verify-report.ts';
import { outFolderProblem } from '../out-folder.ts';

type RawVerifyArgs = {
  property?: (string | number)[] | undefined;
  users: string;
  files: string;
  depth: string;
  engine: string;
  timeout: string;
  variant: string;
  json: boolean;
  out: string;
  mutants: boolean;
};

/** The command's options, checked and complete. */
type Resolved =
  | { kind: 'ok'; config: VerifyConfig; json: boolean; out: string }
  | { kind: 'bad-input'; message: string };

const ENGINES: readonly EngineChoice[] = ['auto', 'bdd', 'bmc', 'kind', 'chc'];
const IDS = SESPHR_PROPERTIES.map((p) => p.id as string);

function whole(flag: string, text: string, min: number, max: number): number | string {
  const n = /^[0-9]+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max
    ? n
    : `--${flag} must be a whole number from ${min} to ${max}, got "${text}"`;
}

/** Fills in defaults and checks every flag (the CLI's only logic). */
function resolveVerifyConfig(args: RawVerifyArgs): Resolved {
  const bad = (message: string): Resolved => ({ kind: 'bad-input', message });
  const users = whole('users', args.users, 1, MAX_USERS);
  const files = whole('files', args.files, 1, 9);
  const depth = whole('depth', args.depth, 0, 1000);
  const timeout = Number(args.timeout);
  for (const v of [users, files, depth]) if (typeof v === 'string') return bad(v);
  if (!(Number.isFinite(timeout) && timeout > 0))
    return bad(`--timeout must be a positive number of seconds, got "${args.timeout}"`);
  if (!(VARIANTS as readonly string[]).includes(args.variant)) {
    return bad(`--variant must be one of ${VARIANTS.join(', ')}, got "${args.variant}"`);
  }
  if (!(ENGINES as readonly string[]).includes(args.engine)) {
    return bad(`--engine must be one of ${ENGINES.join(', ')}, got "${args.engine}"`);
  }
  const asked = (args.property ?? []).flatMap((p) => String(p).split(',')).map((p) => p.trim().toUpperCase());
  const unknown = asked.filter((p) => p !== 'P2' && !IDS.includes(p));
  if (unknown.length > 0)
    return bad(`--property: no property ${unknown.join(', ')} (known: P1, P2, ${IDS.slice(1).join(', ')})`);
  const properties = (asked.length === 0 ? IDS : IDS.filter((id) => asked.includes(id))) as PropertyId[];
  const folder = outFolderProblem(resolve(args.out));
  if (folder !== undefined) return bad(`--out: ${folder}`);
  return {
    kind: 'ok',
    json: args.json,
    out: args.out,
    config: {
      instance: { users: users as number, files: files as number, variant: args.variant as Variant },
      properties,
      engine: args.engine as EngineChoice,
      depth: depth as number,
      timeoutMs: timeout * 1000,
      mutants: args.mutants,
    },
  };
}

async function run(config: VerifyConfig, json: boolean, out: string): Promise<void> {
  const queries: SmtQuery[] = [];
  const live = process.stderr.isTTY === true;
  const report = await verifySesphr({
    ...config,
    onQuery: (q) => queries.push(q),
    ...(live ? { onProgress: (line: string) => process.stderr.write(`${line}\n`) } : {}),
  });
  await writeSmtQueries(out, queries);
  const scenarios = await writeVerificationFiles(report, out);
  process.stdout.write(
    json
      ? `${JSON.stringify(verificationJson(report, config.instance, scenarios))}\n`
      : verificationTable(report, scenarios),
  );
  process.exitCode = report.passed ? 0 : 1;
}

/** The `verify` command module. */
export const verifyCommand: CommandModule<object, RawVerifyArgs> = {
  command: 'verify',
  describe: 'Prove or refute the properties of SPEC section 5 on the SeSPHR net, with replayable attacks',
  builder: (yargs: Argv) =>
    yargs
      .option('property', {
        type: 'array',
        string: true,
        describe: 'the properties to check (P1 … P13; default all)',
      })
      .option('users', {
        type: 'string',
        default: '1',
        describe: `users besides the owner (1 to ${MAX_USERS})`,
      })
      .option('files', { type: 'string', default: '1', describe: 'files of the owner (1 to 9)' })
      .option('depth', {
        type: 'string',
        default: '20',
        describe: 'the bound of --engine bmc and of k in --engine kind',
      })
      .option('engine', {
        type: 'string',
        default: 'auto',
        describe:
          'auto (BDD reachability, then Z3 on its own: BMC for each attack, Spacer for a readable invariant of each proof), or one engine for everything: bdd, bmc, kind, chc',
      })
      .option('timeout', { type: 'string', default: '30', describe: 'seconds each check may take' })
      .option('variant', {
        type: 'string',
        default: 'secure',
        describe: `the protocol variant: ${VARIANTS.join(', ')}`,
      })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON object on stdout' })
      .option('out', {
        type: 'string',
        default: 'reports/verify',
        describe: 'where to write scenarios, SMT-LIB queries and times',
      })
      .option('mutants', {
        type: 'boolean',
        default: true,
        describe: 'check the mutants of proved properties',
      })
      .example('$0 verify', 'every property on the default instances, secure variant')
      .example('$0 verify --variant otp-leak --property P12 --json', 'the insecure OTP variant, as JSON'),
  handler: async (args: ArgumentsCamelCase<RawVerifyArgs>) => {
    const resolved = resolveVerifyConfig(args);
    if (resolved.kind === 'bad-input') {
      process.stderr.write(`sesphr verify: ${resolved.message}\n`);
      process.exitCode = 2;
      return;
    }
    await run(resolved.config, resolved.json, resolved.out);
  },
};
