/**
 * Checks an output folder before any work starts: a command that writes under `--out` (bench,
 * campaign, report, the main job) is refused at once when `--out` names a file, not after minutes
 * of running when the first write fails.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

/** The kind of what is at `path`, or `absent` (nothing there, or a file where a folder should be). */
function entryAt(path: string): 'directory' | 'other' | 'absent' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'absent';
    throw error;
  }
}

/** Why `dir` (absolute) cannot be an output folder (a file, or under a file), or undefined when it can. */
export function outFolderProblem(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const kind = entryAt(at);
    switch (kind) {
      case 'directory':
        return undefined;
      case 'other':
        return at === dir ? `${dir} is a file, not a directory` : `${at} is a file, so ${dir} cannot be made`;
      case 'absent':
        if (dirname(at) === at) return undefined;
        break;
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  }
}
