/**
 * A violation's counterexample as a scenario a reader can replay with real cryptography. The
 * verifier names the scenario file it wrote (or gives its YAML); the report's I/O shell reads the
 * file, so the page can show the YAML inline beside the command that replays it.
 */

/** The counterexample scenario of one result, as far as the report could get it. */
export type Counterexample =
  | { readonly kind: 'file'; readonly path: string; readonly yaml: string }
  | { readonly kind: 'inline'; readonly yaml: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly problem: string };

/** Characters a shell passes through unquoted. */
const PLAIN = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** `word` quoted for a POSIX shell when it needs to be. */
export const shellWord = (word: string): string =>
  PLAIN.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

/** The command that replays a scenario file through the runner. */
export const replayCommand = (path: string): string => `npx sesphr run ${shellWord(path)}`;
