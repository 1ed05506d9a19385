/** Loads data for a page and reloads it on demand, keeping loading and error states explicit. */
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/client.ts";

export type Resource<T> =
  | { status: "loading" }
  | { status: "error"; error: ApiError }
  | { status: "ready"; data: T; reloading: boolean };

interface Settled<T> {
  load: () => Promise<T>;
  generation: number;
  outcome: { ok: true; data: T } | { ok: false; error: ApiError };
}

/**
 * `load` must be stable (useCallback); a new function or `reload()` loads again. While reloading,
 * the previous data stays on screen (`reloading: true`) so forms keep what the user typed.
 */
export function useResource<T>(load: () => Promise<T>): [Resource<T>, () => void] {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setSettled({ load, generation, outcome: { ok: true, data } });
      },
      (error: unknown) => {
        if (!live) return;
        const failure =
          error instanceof ApiError ? error : new ApiError("internal", "Something went wrong.", 0);
        setSettled({ load, generation, outcome: { ok: false, error: failure } });
      },
    );
    return () => {
      live = false;
    };
  }, [load, generation]);

  const reload = useCallback(() => {
    setGeneration((value) => value + 1);
  }, []);

  // The state is derived from the last settled load, so starting a load sets no state.
  const current = settled !== null && settled.load === load && settled.generation === generation;
  let state: Resource<T>;
  if (settled === null) state = { status: "loading" };
  else if (settled.outcome.ok) state = { status: "ready", data: settled.outcome.data, reloading: !current };
  else state = current ? { status: "error", error: settled.outcome.error } : { status: "loading" };
  return [state, reload];
}
