/**
 * How a long benchmark says where it is: one short line per step, handed to a callback the caller
 * chooses (the command line shows it on stderr when that is a terminal). The measuring code never
 * writes anywhere itself, so it stays usable from tests and other tools.
 */

/** Receives one line such as `fig. 4–6: 2048 KB, run 2/3`. */
export type Progress = (line: string) => void;

/** The callback that ignores everything (tests, `--json` into a pipe). */
export const SILENT: Progress = () => {};
