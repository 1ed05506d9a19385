/** Policy titles by id, for work pages that name the policy a commitment comes from. */
import { useEffect, useState } from "react";
import { api } from "../api/endpoints.ts";

/** "policy-management" -> "Policy Management Policy"; empty until loaded (callers fall back to the id). */
export function usePolicyTitles(): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    api.policies().then(
      (list) => {
        if (live) setTitles(Object.fromEntries(list.policies.map((p) => [p.id, p.title])));
      },
      // The titles only decorate the page: without them the policy id is shown.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return titles;
}
