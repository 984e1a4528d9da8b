/**
 * Writing a file so that readers never see half of it: the text goes to a temporary file beside
 * the target, which is then renamed over it (atomic on one file system). A run that fails part way
 * leaves the previous file, or none, never a torn one. Shared by every writer in the simulator
 * (charts, benchmark, report, traces, campaign files) so the guarantee is made in one place.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let sequence = 0;

/**
 * Writes `text` to `path` through a temporary file and a rename. The temporary name is hidden (a
 * leading dot: a reader listing the folder sees no stray file while it exists) and carries the
 * process id and a per-process counter, so concurrent writes to the same target from one process
 * (or several) never share a temporary file.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  sequence += 1;
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${sequence}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
