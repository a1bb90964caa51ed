// Tracks requests in flight so the tab can say "still working" when one takes more than a few
// seconds or is being retried after throttling. The store is wrapped, not changed.
import type { PlanStore } from "../../sharepoint";

export const SLOW_AFTER_MS = 3000;

export interface ActivityState {
  pending: number;
  /** True once a pending request has run longer than SLOW_AFTER_MS or has been retried. */
  slow: boolean;
  retrying: boolean;
}

export interface ActivityTracker {
  get(): ActivityState;
  subscribe(listener: () => void): () => void;
  start(): () => void;
  /** Called by createSp's onRetry. */
  retried(): void;
}

export function createActivityTracker(slowAfterMs = SLOW_AFTER_MS): ActivityTracker {
  let state: ActivityState = { pending: 0, slow: false, retrying: false };
  const listeners = new Set<() => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const set = (next: Partial<ActivityState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      set({ pending: state.pending + 1 });
      const timer = setTimeout(() => set({ slow: true }), slowAfterMs);
      timers.add(timer);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        timers.delete(timer);
        const pending = state.pending - 1;
        set(pending === 0 ? { pending, slow: false, retrying: false } : { pending });
      };
    },
    retried() {
      set({ retrying: true, slow: true });
    },
  };
}

/** A PlanStore whose every call is reported to the tracker. */
export function trackStore(store: PlanStore, tracker: ActivityTracker): PlanStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const finish = tracker.start();
        try {
          const result: unknown = value.apply(target, args);
          if (result instanceof Promise) return result.finally(finish);
          finish();
          return result;
        } catch (error) {
          finish();
          throw error;
        }
      };
    },
  });
}
