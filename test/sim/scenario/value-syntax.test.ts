import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/sim/scenario/duration.ts';
import { parseSize } from '../../../src/sim/scenario/size.ts';
import { DEFAULT_START_SECONDS, parseInstant, parseTime } from '../../../src/sim/scenario/time.ts';

describe('sizes', () => {
  it.each([
    ['512B', 512],
    ['64KiB', 65_536],
    ['2048KB', 2_048_000],
    ['1MiB', 1_048_576],
    ['3MB', 3_000_000],
    ['1GB', 1_000_000_000],
    ['1GiB', 1_073_741_824],
    ['0064KiB', 65_536],
    [4096, 4096],
    [1, 1],
  ] as const)('%s is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toEqual({ kind: 'ok', value: bytes });
  });

  it.each([
    ['64kb', 'is not a size'],
    ['64 KiB', 'is not a size'],
    ['1.5MiB', 'is not a size'],
    ['KiB', 'is not a size'],
    ['-1B', 'is not a size'],
    ['', 'is not a size'],
    ['0B', 'at least 1 byte'],
    [0, 'at least 1 byte'],
    [2.5, 'not a whole number of bytes'],
    ['2GiB', 'more than the 1GiB'],
    ['1073741825B', 'more than the 1GiB'],
    ['99999999999999999999GiB', 'more than the 1GiB'],
  ] as const)('%j is refused: %s', (text, reason) => {
    const result = parseSize(text);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toContain(reason);
  });
});

describe('durations', () => {
  it.each([
    ['45s', 45],
    ['90s', 90],
    ['30m', 1_800],
    ['2h', 7_200],
    ['1d', 86_400],
    ['1h30m', 5_400],
    ['1d12h', 129_600],
    ['2d3h4m5s', 2 * 86_400 + 3 * 3_600 + 4 * 60 + 5],
    ['0s', 0],
  ] as const)('%s is %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ kind: 'ok', value: seconds });
  });

  it.each([
    ['2', 'is not a duration'],
    ['h', 'is not a duration'],
    ['30m2h', 'is not a duration'],
    ['1w', 'is not a duration'],
    ['+2h', 'is not a duration'],
    ['2H', 'is not a duration'],
    ['1.5h', 'is not a duration'],
    ['', 'is not a duration'],
    ['3660001d', 'longer than 10000 years'],
  ] as const)('%j is refused: %s', (text, reason) => {
    const result = parseDuration(text);
    expect(result.kind === 'invalid' && result.reason).toContain(reason);
  });
});

describe('times', () => {
  const start = DEFAULT_START_SECONDS;

  it('the default start is 2026-01-01T00:00:00Z', () => {
    expect(start).toBe(Date.UTC(2026, 0, 1) / 1000);
  });

  it.each([
    ['2026-01-01T00:00:00Z', start],
    ['2026-01-01T01:00:00+01:00', start],
    ['2025-12-31T19:30:00-04:30', start],
    ['1970-01-01T00:00:00Z', 0],
    ['1969-12-31T23:59:59Z', -1],
    ['2028-02-29T12:00:00Z', Date.UTC(2028, 1, 29, 12) / 1000],
    ['0001-01-01T00:00:00Z', -62_135_596_800],
    ['+0s', start],
    ['+90s', start + 90],
    ['+30m', start + 1_800],
    ['+2h', start + 7_200],
    ['+1d', start + 86_400],
    ['+1d2h', start + 93_600],
  ] as const)('%s is %d', (text, seconds) => {
    expect(parseTime(text, start)).toEqual({ kind: 'ok', value: seconds });
  });

  it('offsets count from the start they are given', () => {
    expect(parseTime('+1h', 1_000)).toEqual({ kind: 'ok', value: 4_600 });
  });

  it.each([
    ['2026-02-29T00:00:00Z', 'is not a date'],
    ['2026-13-01T00:00:00Z', 'is not a date'],
    ['2026-04-31T00:00:00Z', 'is not a date'],
    ['2026-01-01T24:00:00Z', 'is not a time of day'],
    ['2026-01-01T12:60:00Z', 'is not a time of day'],
    ['2026-01-01T12:00:60Z', 'is not a time of day'],
    ['2026-01-01T12:00:00+24:00', 'is not a zone offset'],
    ['2026-01-01T00:00:00', 'is not a time'],
    ['2026-01-01 00:00:00Z', 'is not a time'],
    ['2026-01-01T00:00:00.5Z', 'is not a time'],
    ['2026-01-01', 'is not a time'],
    ['-2h', 'is not a time'],
    ['2h', 'is not a time'],
    ['+', 'is not a time'],
    ['now', 'is not a time'],
  ] as const)('%j is refused: %s', (text, reason) => {
    const result = parseTime(text, start);
    expect(result.kind === 'invalid' && result.reason).toContain(reason);
  });

  it('the start itself must be an instant, never an offset', () => {
    expect(parseInstant('+2h').kind).toBe('invalid');
    expect(parseInstant('2026-06-01T00:00:00Z')).toEqual({ kind: 'ok', value: Date.UTC(2026, 5, 1) / 1000 });
  });
});
