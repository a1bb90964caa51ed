// Fault injection for tests: SharePoint's throttling answers, slow responses and the observed
// batch behaviour, switched on in-process (`server.faults`) or over HTTP (`POST /_localsp/faults`).

export interface ThrottleFault {
  /** How many of the next requests are refused. */
  count: number;
  status: 429 | 503;
  /** Seconds sent in Retry-After (tests use 0 or 1: @pnp/sp sleeps the full value). */
  retryAfter: number;
  /** Requests let through before the refusals start (e.g. 1: the second of several batch requests fails). */
  skip?: number;
}

export interface FaultSettings {
  throttle?: ThrottleFault | null;
  delayMs?: number;
  /**
   * What $batch parts after a failing part get: "continue" (documented: each part runs on its own)
   * or "indexOutOfRange" (observed on SharePoint Online: later parts answer 500 IndexOutOfRangeException
   * and are not executed; pnp/pnpjs#486, #1275).
   */
  batchAfterFailure?: "continue" | "indexOutOfRange";
  /** The list view threshold (SharePoint's is 5000); reset() keeps the value the server started with. */
  threshold?: number;
}

export class FaultControl {
  throttle: ThrottleFault | null = null;
  delayMs = 0;
  batchAfterFailure: "continue" | "indexOutOfRange" = "continue";
  private initialThreshold: number | null = null;
  private currentThreshold = 5000;

  get threshold(): number {
    return this.currentThreshold;
  }

  set threshold(value: number) {
    if (this.initialThreshold === null) this.initialThreshold = value;
    this.currentThreshold = value;
  }

  set(settings: FaultSettings): void {
    if (settings.throttle !== undefined)
      this.throttle = settings.throttle && settings.throttle.count > 0 ? { ...settings.throttle } : null;
    if (settings.delayMs !== undefined) this.delayMs = Math.max(0, settings.delayMs);
    if (settings.batchAfterFailure !== undefined) this.batchAfterFailure = settings.batchAfterFailure;
    if (settings.threshold !== undefined) this.threshold = settings.threshold;
  }

  reset(): void {
    this.throttle = null;
    this.delayMs = 0;
    this.batchAfterFailure = "continue";
    this.currentThreshold = this.initialThreshold ?? 5000;
  }

  /** Consumes one throttled answer if any are pending. */
  takeThrottle(): ThrottleFault | null {
    const current = this.throttle;
    if (!current) return null;
    if ((current.skip ?? 0) > 0) {
      current.skip = (current.skip ?? 0) - 1;
      return null;
    }
    current.count -= 1;
    if (current.count <= 0) this.throttle = null;
    return current;
  }

  snapshot(): FaultSettings {
    return {
      throttle: this.throttle ? { ...this.throttle } : null,
      delayMs: this.delayMs,
      batchAfterFailure: this.batchAfterFailure,
      threshold: this.threshold,
    };
  }
}

export function parseFaultSettings(value: unknown): FaultSettings {
  if (!value || typeof value !== "object") throw new Error("faults: expected a JSON object");
  const input = value as Record<string, unknown>;
  const out: FaultSettings = {};
  if (input.throttle === null) out.throttle = null;
  else if (input.throttle !== undefined) {
    const t = input.throttle as Record<string, unknown>;
    const count = Number(t.count ?? 1);
    const status = Number(t.status ?? 429);
    const retryAfter = Number(t.retryAfter ?? 0);
    const skip = Number(t.skip ?? 0);
    if (!Number.isInteger(skip) || skip < 0) throw new Error("faults: throttle.skip must be a whole number");
    if (!Number.isInteger(count) || count < 0) throw new Error("faults: throttle.count must be a whole number");
    if (status !== 429 && status !== 503) throw new Error("faults: throttle.status must be 429 or 503");
    if (!Number.isFinite(retryAfter) || retryAfter < 0) throw new Error("faults: throttle.retryAfter must be >= 0");
    out.throttle = { count, status, retryAfter, skip };
  }
  if (input.delayMs !== undefined) {
    const delay = Number(input.delayMs);
    if (!Number.isFinite(delay) || delay < 0) throw new Error("faults: delayMs must be >= 0");
    out.delayMs = delay;
  }
  if (input.batchAfterFailure !== undefined) {
    if (input.batchAfterFailure !== "continue" && input.batchAfterFailure !== "indexOutOfRange") {
      throw new Error("faults: batchAfterFailure must be continue or indexOutOfRange");
    }
    out.batchAfterFailure = input.batchAfterFailure;
  }
  if (input.threshold !== undefined) {
    const threshold = Number(input.threshold);
    if (!Number.isInteger(threshold) || threshold < 1)
      throw new Error("faults: threshold must be a positive whole number");
    out.threshold = threshold;
  }
  return out;
}
