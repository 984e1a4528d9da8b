/**
 * One-time passwords for download consent: HOTP (RFC 4226) and TOTP (RFC 6238). The owner's device
 * computes the code from a secret it shares with the server; the server recomputes and compares.
 * The code itself never needs to travel through the server to the requester, which is the flaw
 * the `otp-leak` variant reintroduces.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { constantTimeEqual } from './constant-time.ts';

/** The HMAC hash of RFC 6238 §1.2: SHA-1 is RFC 4226's only choice, the SHA-2 pair is TOTP's addition. */
export type OtpHash = 'sha1' | 'sha256' | 'sha512';

/** Options of {@link hotp}; the defaults (6 digits, SHA-1) are RFC 4226's. */
export interface HotpOptions {
  readonly digits?: number;
  readonly hash?: OtpHash;
}

/** Options of {@link totp}; `step` (default 30 s) and `t0` (default 0) are RFC 6238's X and T0. */
export interface TotpOptions extends HotpOptions {
  readonly step?: number;
  readonly t0?: number;
}

/**
 * Options of {@link verifyTotp}; `window` (default 1) is how many steps either side of the current
 * one are still accepted, to absorb clock drift between the owner's device and the server without
 * keeping old codes alive for long.
 */
export interface VerifyTotpOptions extends TotpOptions {
  readonly window?: number;
}

const HASHES = Object.freeze({ sha1, sha256, sha512 });

/** RFC 4226 §5.3 asks for at least 6 digits; a 31-bit truncated value has at most 10. */
const MIN_DIGITS = 6;
const MAX_DIGITS = 10;
/** A wider window would make a stolen code live for minutes; 10 steps is already five minutes. */
const MAX_WINDOW = 10;
const MAX_COUNTER = (1n << 64n) - 1n;

function resolveDigits(digits: number | undefined): number {
  const value = digits ?? 6;
  if (!Number.isInteger(value) || value < MIN_DIGITS || value > MAX_DIGITS) {
    throw new RangeError(`digits must be an integer in [${MIN_DIGITS}, ${MAX_DIGITS}], received ${value}`);
  }
  return value;
}

function counterBytes(counter: bigint): Uint8Array {
  if (counter < 0n || counter > MAX_COUNTER) {
    throw new RangeError(`counter must be in [0, 2^64 - 1], received ${counter}`);
  }
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, counter, false);
  return bytes;
}

/**
 * The HOTP value of RFC 4226 §5.3: HMAC of the 8-byte big-endian counter, dynamic truncation to 31
 * bits, then the low `digits` decimal digits, zero-padded (leading zeros are part of the code).
 */
export function hotp(secret: Uint8Array, counter: bigint, options: HotpOptions = {}): string {
  const digits = resolveDigits(options.digits);
  const mac = hmac(HASHES[options.hash ?? 'sha1'], secret, counterBytes(counter));
  const offset = mac[mac.length - 1]! & 0x0f;
  const truncated =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return (truncated % 10 ** digits).toString().padStart(digits, '0');
}

/**
 * The RFC 6238 time step T = floor((unixSeconds - t0) / step) that a TOTP code at `unixSeconds`
 * is the HOTP of; exported so a server can remember which step was used and refuse a replay.
 */
export function totpStep(unixSeconds: number, options: TotpOptions = {}): bigint {
  const step = options.step ?? 30;
  const t0 = options.t0 ?? 0;
  if (!Number.isSafeInteger(step) || step <= 0) {
    throw new RangeError(`step must be a positive integer number of seconds, received ${step}`);
  }
  if (!Number.isFinite(t0)) throw new RangeError(`t0 must be a finite number, received ${t0}`);
  if (!Number.isFinite(unixSeconds) || unixSeconds < t0) {
    throw new RangeError(
      `unixSeconds must be a finite number not before t0 = ${t0}, received ${unixSeconds}`,
    );
  }
  return BigInt(Math.floor((unixSeconds - t0) / step));
}

/** The TOTP value of RFC 6238 §4: the HOTP of the time step that `unixSeconds` falls in. */
export function totp(secret: Uint8Array, unixSeconds: number, options: TotpOptions = {}): string {
  return hotp(secret, totpStep(unixSeconds, options), options);
}

/**
 * The time step, within `window` steps of the one `unixSeconds` falls in, whose TOTP `code` is, or
 * undefined when there is none. A server remembers the step it accepted and refuses a later code of
 * the same or an earlier step, so a code cannot be replayed within its window. Every candidate step
 * is computed and compared without an early exit, so neither the position of a matching step nor
 * the number of right leading digits shows in the time taken.
 */
export function matchTotpStep(
  secret: Uint8Array,
  code: string,
  unixSeconds: number,
  options: VerifyTotpOptions = {},
): bigint | undefined {
  const window = options.window ?? 1;
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new RangeError(`window must be an integer in [0, ${MAX_WINDOW}], received ${window}`);
  }
  const digits = resolveDigits(options.digits);
  const presented = new TextEncoder().encode(code);
  const current = totpStep(unixSeconds, options);
  let matched: bigint | undefined;
  for (let offset = -window; offset <= window; offset++) {
    const step = current + BigInt(offset);
    if (step < 0n) continue;
    const expected = new TextEncoder().encode(hotp(secret, step, { digits, hash: options.hash ?? 'sha1' }));
    // No short-circuit: every step is compared whatever the earlier ones gave.
    if (constantTimeEqual(expected, presented)) matched = step;
  }
  return matched;
}

/** Whether `code` is the TOTP of a step within `window` steps of now (see {@link matchTotpStep}). */
export function verifyTotp(
  secret: Uint8Array,
  code: string,
  unixSeconds: number,
  options: VerifyTotpOptions = {},
): boolean {
  return matchTotpStep(secret, code, unixSeconds, options) !== undefined;
}
