/**
 * The machine's own AES-256-GCM speed, from `openssl speed -evp aes-256-gcm`, as the yardstick
 * for our bulk encryption. Only the 16384-byte block size is run (`-bytes 16384`): that column is
 * the one compared, and skipping the other five keeps a quick run quick. The output is read with
 * the parser that bench/protocol-ops.ts already tests (`parseOpensslSpeed`). OpenSSL divides by
 * the CPU time of its process unless given `-elapsed`, so its MB/s is per CPU second.
 *
 * A missing `openssl`, a failing one or output without the column is recorded as `unavailable`
 * with the reason; the benchmark goes on without that comparison.
 */
import { execFileSync } from 'node:child_process';
import { type OpensslSpeed, parseOpensslSpeed } from '../../../bench/protocol-ops.ts';

export type { OpensslSpeed };

/** The arguments given to `openssl`, for `seconds` of measuring. */
export const opensslSpeedArgs = (seconds: number): readonly string[] =>
  Object.freeze(['speed', '-evp', 'aes-256-gcm', '-bytes', '16384', '-seconds', String(seconds)]);

/** Runs `command speed …` for `seconds` and reads its 16384-byte AES-256-GCM figure. */
export function measureOpensslSpeed(command: string, seconds: number): OpensslSpeed {
  const args = opensslSpeedArgs(seconds);
  const shown = `${command} ${args.join(' ')}`;
  let output: string;
  try {
    output = execFileSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: (seconds + 30) * 1000,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? `${command} is not installed (not on PATH)` : String(error);
    return Object.freeze({ kind: 'unavailable', command: shown, reason });
  }
  const mbPerSecond16k = parseOpensslSpeed(output);
  if (mbPerSecond16k === undefined) {
    return Object.freeze({
      kind: 'unavailable',
      command: shown,
      reason: 'no AES-256-GCM row with a 16384-byte column in its output',
    });
  }
  const version = /^version:\s*(.+)$/im.exec(output)?.[1]?.trim() ?? 'unknown';
  return Object.freeze({ kind: 'measured', command: shown, version, mbPerSecond16k });
}
