// One busy/error pair for a piece of UI that runs requests: `run` marks it busy, clears the last
// error, runs the task and keeps its error (for an <ErrorMessage>) instead of throwing it.
import { useCallback, useState } from "react";

export interface Busy {
  busy: boolean;
  error: unknown;
  /**
   * Runs the task; resolves true when it succeeded, false when it failed (the error is kept).
   * `failed`, when given, sees the error first, in the same render as the error is kept (for a
   * screen that must also change something else when a particular error comes back).
   */
  run: (task: () => Promise<unknown>, failed?: (error: unknown) => void) => Promise<boolean>;
  setError: (error: unknown) => void;
  clearError: () => void;
}

export function useBusy(): Busy {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (task: () => Promise<unknown>, failed?: (error: unknown) => void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await task();
      return true;
    } catch (caught) {
      failed?.(caught);
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, setError, clearError };
}
