/**
 * The `sesphr` command line. Each command lives in its own module under `src/cli/commands/` and
 * only parses, resolves defaults, calls into sim/verify/model and prints; no logic lives here.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commands } from './commands/index.ts';

const cli = yargs(hideBin(process.argv))
  .scriptName('sesphr')
  .usage('$0 <command> [options]\n\nModel, simulate, verify and measure secure PHR sharing (SeSPHR).')
  .strict()
  .demandCommand(1, 'Name a command; `sesphr --help` lists them.')
  .recommendCommands()
  .help()
  .alias('h', 'help')
  .version(false)
  .fail((message, error, y) => {
    // Bad flags are bad input: say what is wrong, show usage, exit 2 (the CLI contract).
    if (error) throw error;
    process.stderr.write(`${y.help().toString()}\n\nsesphr: ${message}\n`);
    process.exit(2);
  });

for (const command of commands) cli.command(command);

await cli.parseAsync();
