/**
 * The report: one self-contained HTML page (and its data as JSON) built from the result files of
 * `sesphr run`, `sesphr verify` and `sesphr bench`. Pure core (parse, combine, draw, render) and
 * a thin I/O shell (read the files, write the page atomically).
 */
export {
  type BenchSummary,
  type ComparisonRow,
  type OperationRow,
  parseBenchSummary,
} from './bench-summary.ts';
export { type Counterexample, replayCommand, shellWord } from './counterexample.ts';
export { escapeHtml } from './html-escape.ts';
export { type InlineSvg, inlineSvg } from './inline-svg.ts';
export { type InputSection, type InputStatus, inputStatus, presentData } from './input-section.ts';
export {
  currentMachine,
  defaultReportPaths,
  makeReport,
  RESULT_FILES,
  type ReportOptions,
} from './make-report.ts';
export { headlineRows, type PaperOursRow, paperBesideOurs } from './paper-beside-ours.ts';
export type { ParseResult } from './parse-result.ts';
export { type PropertyRow, type PropertyStatus, propertyRows } from './property-rows.ts';
export { type ReportPaths, readReportSections, shownPath } from './read-inputs.ts';
export { type ReportCharts, reportCharts } from './report-charts.ts';
export {
  type ReportData,
  type ReportInputs,
  type ReportMachine,
  reportData,
  type ScenarioEntry,
} from './report-data.ts';
export { REPORT_JSON, reportPage } from './report-page.ts';
export { benchHeadlines, type Headline, type ReportSummary, reportSummary } from './report-summary.ts';
export { parseRunResults, type RunStep, type ScenarioRun } from './run-result.ts';
export { recordsByScenario, timelineFirings } from './scenario-timelines.ts';
export {
  type ExpectedVerdict,
  expectedVerdict,
  SPEC_PROPERTIES,
  type SpecProperty,
} from './spec-properties.ts';
export { type StageOutcome, stageVerdict } from './stage-outcome.ts';
export { parseTraceRecords, type TraceRecord } from './trace-record.ts';
export {
  type MutantResult,
  type PropertyResult,
  parseVerifyOutput,
  type VerifyOutput,
} from './verify-result.ts';
export { REPORT_HTML, type WrittenReport, writeReport } from './write-report.ts';
