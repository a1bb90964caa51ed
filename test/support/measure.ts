// Time and memory of one synchronous call, for tests that bound what hostile input may cost.
import { performance } from "node:perf_hooks";

export interface Cost<T> {
  result: T | undefined;
  error: unknown;
  /** Wall-clock time: what a person waits, but stretched by whatever else the machine runs. */
  ms: number;
  /** CPU time of the process (this thread's work plus V8's helper threads): steadier on a busy machine. */
  cpuMs: number;
  /**
   * How far the call pushed the process's peak resident memory above both its memory before the call and
   * any earlier peak, in MB. The peak is the process's whole life (Vitest may run several files in one
   * worker), so growth hidden under an earlier, higher peak is not seen; a blow-up of hundreds of MB is.
   */
  peakGrowthMb: number;
}

export function measure<T>(fn: () => T): Cost<T> {
  const before = Math.max(process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let result: T | undefined;
  let error: unknown;
  try {
    result = fn();
  } catch (err) {
    error = err;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peak = process.resourceUsage().maxRSS * 1024;
  return { result, error, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakGrowthMb: Math.max(0, peak - before) / 1e6 };
}
