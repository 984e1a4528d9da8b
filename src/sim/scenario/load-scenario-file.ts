/**
 * The I/O shell around `parseScenario`: read a file, parse it. An unreadable file is its own
 * outcome, since it has no line or column to point at.
 */
import { readFile } from 'node:fs/promises';
import { type ParseResult, parseScenario } from './parse-scenario.ts';

/** A loaded scenario, its problems, or why the file could not be read. */
export type LoadResult =
  | ParseResult
  | { readonly kind: 'unreadable'; readonly file: string; readonly message: string };

/** Reads and parses the scenario file at `path`; problems name the file as `path` was given. */
export async function loadScenarioFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'unreadable', file: path, message };
  }
  return parseScenario(text, path);
}
