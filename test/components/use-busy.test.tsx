// One busy/error hook for the tab's requests: busy while a task runs, its error kept (not thrown),
// the last error cleared when the next task starts.
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useBusy } from "../../src/ui/state/useBusy";

describe("useBusy", () => {
  it("is busy while the task runs, then says it succeeded", async () => {
    const { result } = renderHook(() => useBusy());
    let finish!: () => void;
    let done!: Promise<boolean>;
    act(() => {
      done = result.current.run(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish();
      expect(await done).toBe(true);
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it("keeps a failed task's error instead of throwing it, and clears it when the next task starts", async () => {
    const { result } = renderHook(() => useBusy());
    const failure = new Error("SharePoint said no");
    await act(async () => {
      expect(await result.current.run(() => Promise.reject(failure))).toBe(false);
    });
    expect(result.current.error).toBe(failure);
    expect(result.current.busy).toBe(false);
    let finish!: () => void;
    act(() => {
      void result.current.run(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(result.current.error).toBeNull();
    await act(async () => finish());
  });

  it("lets the caller act on a failure's error as it is kept", async () => {
    const { result } = renderHook(() => useBusy());
    const failure = new Error("needs consent");
    const seen: unknown[] = [];
    await act(async () => {
      expect(
        await result.current.run(
          () => Promise.reject(failure),
          (error) => seen.push(error),
        ),
      ).toBe(false);
    });
    expect(seen).toEqual([failure]);
    expect(result.current.error).toBe(failure);
    await act(async () => {
      expect(
        await result.current.run(
          () => Promise.resolve(),
          (error) => seen.push(error),
        ),
      ).toBe(true);
    });
    expect(seen).toEqual([failure]);
  });
});
