import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CanonicalField,
  decodeCanonical,
  encodeCanonical,
} from '../../../src/protocol/crypto/canonical-encoding.ts';
import { DecodeError } from '../../../src/protocol/crypto/encoding.ts';

const field: fc.Arbitrary<CanonicalField> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
  fc.uint8Array({ maxLength: 12 }),
);

/** A field's type and value, so the precondition tells 1 from '1' and bytes from their digits. */
function key(f: CanonicalField): string {
  return f instanceof Uint8Array ? `bytes:${bytesToHex(f)}` : `${typeof f}:${String(f)}`;
}

describe('canonical encoding', () => {
  it('lays out tag, big-endian u32 length and payload per field, domain first (pinned bytes)', () => {
    expect(bytesToHex(encodeCanonical('d', ['é', 1, Uint8Array.of(0xff)]))).toBe(
      [
        '01' + '00000001' + '64',
        '01' + '00000002' + 'c3a9',
        '02' + '00000008' + '3ff0000000000000',
        '03' + '00000001' + 'ff',
      ].join(''),
    );
  });

  it('encodes -0 as 0 and refuses what has no single encoding', () => {
    expect(encodeCanonical('d', [-0])).toEqual(encodeCanonical('d', [0]));
    expect(() => encodeCanonical('d', [Number.NaN])).toThrow(RangeError);
    expect(() => encodeCanonical('d', [Number.NEGATIVE_INFINITY])).toThrow(RangeError);
    expect(() => encodeCanonical('d', ['a\udc00'])).toThrow(RangeError);
  });

  it('property: decoding inverts encoding', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(field, { maxLength: 6 }), (domain, fields) => {
        expect(decodeCanonical(encodeCanonical(domain, fields), domain)).toEqual(fields);
      }),
      { seed: 8032, numRuns: 300 },
    );
  });

  it('property: different field lists never share an encoding', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 4 }), fc.array(field, { maxLength: 4 }), (a, b) => {
        fc.pre(JSON.stringify(a.map(key)) !== JSON.stringify(b.map(key)));
        expect(bytesToHex(encodeCanonical('d', a))).not.toBe(bytesToHex(encodeCanonical('d', b)));
      }),
      { seed: 8033, numRuns: 300 },
    );
  });

  it('keeps a leading byte-order mark in a string', () => {
    expect(decodeCanonical(encodeCanonical('d', ['\ufeffx']), 'd')).toEqual(['\ufeffx']);
  });

  it('refuses truncated input, unknown tags, bad UTF-8, non-canonical numbers and other domains', () => {
    const good = encodeCanonical('d', ['abc', 2]);
    const cases: readonly [Uint8Array, RegExp][] = [
      [good.subarray(0, good.length - 1), /expected 8 payload bytes/],
      [good.subarray(0, 3), /5-byte header/],
      [Uint8Array.of(...encodeCanonical('d', []), 0x07, 0, 0, 0, 0), /expected tag 1, 2 or 3, received 7/],
      [Uint8Array.of(...encodeCanonical('d', []), 0x01, 0, 0, 0, 1, 0xff), /invalid UTF-8/],
      [Uint8Array.of(...encodeCanonical('d', []), 0x02, 0, 0, 0, 8, 0x80, 0, 0, 0, 0, 0, 0, 0), /canonical/],
      [Uint8Array.of(...encodeCanonical('d', []), 0x02, 0, 0, 0, 1, 0), /8-byte number/],
      [encodeCanonical('e', ['abc']), /domain "d", received "e"/],
      [new Uint8Array(0), /received no fields/],
    ];
    for (const [bytes, message] of cases) {
      expect(() => decodeCanonical(bytes, 'd')).toThrow(DecodeError);
      expect(() => decodeCanonical(bytes, 'd')).toThrow(message);
    }
  });
});
