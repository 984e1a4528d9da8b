/**
 * The one byte encoding of records that are signed or hashed: certificates, signed time, audit
 * entries. A signature or hash over a record must commit to exactly one record, so the encoding is
 * injective: every field carries a type tag and a length (no two field lists share an encoding,
 * whatever separators their strings contain), numbers have one encoding each (-0 is 0, NaN and the
 * infinities are refused), and the list starts with a domain string, so the bytes of a certificate
 * can never be read as those of an audit entry.
 *
 * Layout, per field: tag (1 byte) ‖ payload length (u32, big-endian) ‖ payload, where the tag is
 * 0x01 for a UTF-8 string, 0x02 for an IEEE 754 binary64 number (big-endian) and 0x03 for raw bytes.
 */
import { DecodeError } from './encoding.ts';

/** A field of a canonical record. */
export type CanonicalField = string | number | Uint8Array;

const TAG_STRING = 0x01;
const TAG_NUMBER = 0x02;
const TAG_BYTES = 0x03;
const HEADER_BYTES = 5;
const NUMBER_BYTES = 8;
/** Lone UTF-16 surrogates have no UTF-8 form; TextEncoder would silently map them all to U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/u;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function payloadOf(field: CanonicalField, position: number): { tag: number; payload: Uint8Array } {
  if (typeof field === 'string') {
    if (LONE_SURROGATE.test(field)) {
      throw new RangeError(
        `field ${position}: a string with a lone UTF-16 surrogate has no canonical encoding`,
      );
    }
    return { tag: TAG_STRING, payload: encoder.encode(field) };
  }
  if (typeof field === 'number') {
    if (!Number.isFinite(field))
      throw new RangeError(`field ${position}: expected a finite number, received ${field}`);
    const payload = new Uint8Array(NUMBER_BYTES);
    // `field + 0` turns -0 into 0, so equal numbers encode equally.
    new DataView(payload.buffer).setFloat64(0, field + 0, false);
    return { tag: TAG_NUMBER, payload };
  }
  return { tag: TAG_BYTES, payload: field };
}

/** The canonical bytes of `fields` under `domain` (which names the kind of record and its version). */
export function encodeCanonical(domain: string, fields: readonly CanonicalField[]): Uint8Array {
  const parts = [domain, ...fields].map((field, position) => payloadOf(field, position));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + HEADER_BYTES + part.payload.length, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const { tag, payload } of parts) {
    out[offset] = tag;
    view.setUint32(offset + 1, payload.length, false);
    out.set(payload, offset + HEADER_BYTES);
    offset += HEADER_BYTES + payload.length;
  }
  return out;
}

function decodeField(tag: number, payload: Uint8Array, position: number): CanonicalField {
  switch (tag) {
    case TAG_STRING:
      try {
        return decoder.decode(payload);
      } catch {
        throw new DecodeError(`field ${position}: expected UTF-8 text, received invalid UTF-8`);
      }
    case TAG_NUMBER: {
      if (payload.length !== NUMBER_BYTES) {
        throw new DecodeError(
          `field ${position}: expected an 8-byte number, received ${payload.length} bytes`,
        );
      }
      const value = new DataView(payload.buffer, payload.byteOffset, NUMBER_BYTES).getFloat64(0, false);
      if (!Number.isFinite(value) || Object.is(value, -0)) {
        throw new DecodeError(`field ${position}: expected a canonical finite number, received ${value}`);
      }
      return value;
    }
    case TAG_BYTES:
      return payload.slice();
    default:
      throw new DecodeError(`field ${position}: expected tag 1, 2 or 3, received ${tag}`);
  }
}

/**
 * The fields of a canonical record of kind `domain`. Throws a {@link DecodeError} naming the field
 * and what was wrong when the bytes are truncated, carry an unknown tag, invalid UTF-8 or a
 * non-canonical number, or belong to another domain.
 */
export function decodeCanonical(bytes: Uint8Array, domain: string): CanonicalField[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: CanonicalField[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const position = fields.length;
    if (offset + HEADER_BYTES > bytes.length) {
      throw new DecodeError(
        `field ${position}: expected a 5-byte header, received ${bytes.length - offset} bytes`,
      );
    }
    const length = view.getUint32(offset + 1, false);
    const start = offset + HEADER_BYTES;
    if (start + length > bytes.length) {
      throw new DecodeError(
        `field ${position}: expected ${length} payload bytes, received ${bytes.length - start}`,
      );
    }
    fields.push(decodeField(bytes[offset]!, bytes.subarray(start, start + length), position));
    offset = start + length;
  }
  const [first, ...rest] = fields;
  if (first !== domain) {
    throw new DecodeError(
      `expected a record of domain ${JSON.stringify(domain)}, received ${describe(first)}`,
    );
  }
  return rest;
}

function describe(field: CanonicalField | undefined): string {
  if (field === undefined) return 'no fields';
  return typeof field === 'string'
    ? JSON.stringify(field)
    : `a ${typeof field === 'number' ? 'number' : 'byte string'}`;
}
