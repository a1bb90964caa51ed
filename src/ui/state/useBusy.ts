// One busy/error pair for a piece of UI that runs requests: `run` marks it busy, clears the last
// error, runs the task and keeps its error (for an <ErrorMessage>) instead of throwing it.
import { useCallback, useState } from "react";

export interface Busy {
  busy: boolean;
  error: unknown;
  /** Runs the task; resolves true when it succeeded, false when it failed (the error is kept). */
  run: (task: () => Promise<unknown>) => Promise<boolean>;
  setError: (error: unknown) => void;
  clearError: () => void;
}

export function useBusy(): Busy {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (task: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await task();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, setError, clearError };
}
