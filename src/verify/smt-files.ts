/**
 * Writes SMT-LIB queries to disk (`reports/verify/*.smt2` by default in the CLI). The only file
 * I/O of the verifier's query export; the queries themselves are built by the pure engines.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type SmtQuery, smtQueryFileName } from './smtlib.ts';

/**
 * Writes each query to `dir/<id>.smt2` (creating `dir`), with its answer noted in a leading
 * comment, and returns the paths written in order. A later query with the same id overwrites.
 */
export async function writeSmtQueries(dir: string, queries: readonly SmtQuery[]): Promise<readonly string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const q of queries) {
    const path = join(dir, smtQueryFileName(q.id));
    await writeFile(path, `; query ${q.id}: Z3 (WebAssembly) answered ${q.answer}\n${q.text}`, 'utf8');
    paths.push(path);
  }
  return paths;
}
