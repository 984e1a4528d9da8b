/**
 * The I/O shell's writing half: index.html and index.json into the output folder, each through a
 * temporary file in the same folder and a rename, so a reader (or a browser reloading the page)
 * never meets a half-written file, and a run killed halfway leaves the previous report whole.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write-atomic.ts';
import type { ReportData } from './report-data.ts';
import { REPORT_JSON } from './report-page.ts';

/** The page's file name inside the output folder. */
export const REPORT_HTML = 'index.html';

/** Where the report went. */
export interface WrittenReport {
  readonly html: string;
  readonly json: string;
}

/** Writes `<dir>/index.json` then `<dir>/index.html`, creating `dir`. */
export async function writeReport(dir: string, page: string, data: ReportData): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, REPORT_JSON);
  const html = join(dir, REPORT_HTML);
  await writeFileAtomic(json, `${JSON.stringify(data, null, 2)}\n`);
  await writeFileAtomic(html, page);
  return Object.freeze({ html, json });
}
