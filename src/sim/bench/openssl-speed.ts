/**
 * The machine's own AES-256-GCM speed, from `openssl speed -evp aes-256-gcm`, as the yardstick
 * for our bulk encryption. Only the 16384-byte block size is run (`-bytes 16384`): that column is
 * the one compared, and skipping the other five keeps a quick run quick. OpenSSL divides by the
 * CPU time of its process unless given `-elapsed`, so its MB/s is per CPU second.
 *
 * A missing `openssl`, a failing one or output without the column is recorded as `unavailable`
 * with the reason; the benchmark goes on without that comparison.
 */
import { execFileSync } from 'node:child_process';

/** OpenSSL's own AES-256-GCM speed, or why it could not be measured. */
export type OpensslSpeed =
  | {
      readonly kind: 'measured';
      readonly command: string;
      readonly version: string;
      readonly mbPerSecond16k: number;
    }
  | { readonly kind: 'unavailable'; readonly command: string; readonly reason: string };

/**
 * The 16384-byte figure of `openssl speed -evp aes-256-gcm` output in MB/s (OpenSSL prints
 * thousands of bytes per second, to one decimal here), or undefined if the output has no such row
 * and column.
 */
export function parseOpensslSpeed(output: string): number | undefined {
  const lines = output.split('\n');
  const header = lines.find((l) => /^type\s/.test(l));
  const row = lines.find((l) => /^aes-256-gcm\s/i.test(l));
  if (header === undefined || row === undefined) return undefined;
  const column = header
    .trim()
    .split(/\s{2,}/)
    .indexOf('16384 bytes');
  const cell = row.trim().split(/\s+/)[column];
  if (column < 1 || cell === undefined) return undefined;
  const match = /^([\d.]+)k$/.exec(cell);
  return match ? Math.round(Number(match[1]) / 100) / 10 : undefined;
}

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
