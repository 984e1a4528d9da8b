/**
 * The machine a benchmark ran on, recorded in the report: timings mean little without the CPU,
 * the core count and how busy the machine was. The load average is taken at the start and at the
 * end, since another heavy process sharing the cores slows every wall-clock figure.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { roundTo } from './timing-stat.ts';

/** What the report says about the machine. */
export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the run started; above the core count, others were competing. */
  readonly loadAverageStart: number;
}

/** The machine as it is now. */
export function machineInfo(): MachineInfo {
  return Object.freeze({
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: roundTo(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageStart: currentLoad(),
  });
}

/** The 1-minute load average now. */
export function currentLoad(): number {
  return roundTo(loadavg()[0] ?? 0, 2);
}
