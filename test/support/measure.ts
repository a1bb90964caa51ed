// Time and memory of one synchronous call, for tests that bound what hostile input may cost.
import { performance } from "node:perf_hooks";

export interface Cost<T> {
  result: T | undefined;
  error: unknown;
  ms: number;
  /**
   * How far the process's peak resident memory rose above its resident memory before the call, in MB.
   * Vitest runs each test file in a process of its own, so the peak is this file's.
   */
  peakGrowthMb: number;
}

export function measure<T>(fn: () => T): Cost<T> {
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  let result: T | undefined;
  let error: unknown;
  try {
    result = fn();
  } catch (err) {
    error = err;
  }
  const ms = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS * 1024;
  return { result, error, ms, peakGrowthMb: Math.max(0, peak - rssBefore) / 1e6 };
}
