/**
 * `npm run bench`: runs every benchmark in bench/ and writes its results under reports/bench/.
 *
 * A benchmark is any other `.ts` module in this folder that exports `run()` (sync or async) returning
 * a JSON-serialisable result; it may also export `toMarkdown(result)` (a report) and
 * `summary(result)` (one line). Adding a benchmark means adding a file: nothing here lists them.
 * Each benchmark runs in a Node process of its own so one's memory peak and JIT state do not leak
 * into the next one's figures. For each it writes `<name>.json`, `<name>.md` when it has a report,
 * and one line in `summary.md`.
 *
 * `npm run bench -- explore-kanban` runs only the named benchmarks.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const reportDir = resolve(benchDir, '..', 'reports', 'bench');
const self = fileURLToPath(import.meta.url);

/** What a benchmark module may export. */
type BenchmarkModule = {
  run?: () => unknown;
  toMarkdown?: (result: never) => string;
  summary?: (result: never) => string;
};

type Outcome =
  | { kind: 'ran'; line: string }
  | { kind: 'not-a-benchmark' }
  | { kind: 'failed'; reason: string };

const discover = (): readonly string[] =>
  readdirSync(benchDir)
    .filter((file) => file.endsWith('.ts') && file !== basename(self))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();

/** Child mode: runs one benchmark, writes its reports, and leaves its summary line in `outFile`. */
const runOne = async (name: string, outFile: string): Promise<void> => {
  const module = (await import(pathToFileURL(join(benchDir, `${name}.ts`)).href)) as BenchmarkModule;
  if (typeof module.run !== 'function') {
    writeFileSync(outFile, JSON.stringify({ kind: 'not-a-benchmark' } satisfies Outcome));
    return;
  }
  const result = (await module.run()) as never;
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  if (typeof module.toMarkdown === 'function') {
    writeFileSync(join(reportDir, `${name}.md`), module.toMarkdown(result));
  }
  const line =
    typeof module.summary === 'function' ? module.summary(result) : `results in [${name}.json](${name}.json)`;
  writeFileSync(outFile, JSON.stringify({ kind: 'ran', line } satisfies Outcome));
};

/** Parent mode: runs each benchmark in a child process and writes summary.md. */
const runAll = (names: readonly string[]): number => {
  const scratch = mkdtempSync(join(tmpdir(), 'sesphr-bench-'));
  const lines: string[] = [];
  let failures = 0;
  for (const name of names) {
    process.stderr.write(`bench: ${name} ...\n`);
    const outFile = join(scratch, `${name}.json`);
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--child', name, outFile], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    let outcome: Outcome;
    try {
      outcome = JSON.parse(readFileSync(outFile, 'utf8')) as Outcome;
    } catch {
      outcome = { kind: 'failed', reason: `exited with status ${child.status ?? child.signal}` };
    }
    switch (outcome.kind) {
      case 'ran':
        lines.push(`- **${name}**: ${outcome.line}`);
        process.stderr.write(`bench: ${name}: ${outcome.line}\n`);
        break;
      case 'not-a-benchmark':
        process.stderr.write(`bench: ${name}.ts exports no run(); skipped\n`);
        break;
      case 'failed':
        failures++;
        lines.push(`- **${name}**: failed (${outcome.reason})`);
        process.stderr.write(`bench: ${name} failed: ${outcome.reason}\n`);
        break;
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  }
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(
    join(reportDir, 'summary.md'),
    `# Benchmarks\n\n${new Date().toISOString()} · Node ${process.version}\n\n${lines.join('\n')}\n`,
  );
  return failures === 0 ? 0 : 1;
};

const args = process.argv.slice(2);
if (args[0] === '--child' && args[1] !== undefined && args[2] !== undefined) {
  await runOne(args[1], args[2]);
} else {
  const all = discover();
  const unknown = args.filter((name) => !all.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`bench: no benchmark named ${unknown.join(', ')}; there are: ${all.join(', ')}\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = runAll(args.length > 0 ? args : all);
  }
}
