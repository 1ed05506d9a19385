/** What the forms that close work (complete, waive) share: their props and focus on opening. */
import { useEffect, useRef } from "react";
import type { Occurrence } from "../api/types.ts";

export interface OccurrenceFormProps {
  occurrence: Occurrence;
  heading?: "h2" | "h3";
  /** Move focus to the form's heading when it opens in place (screen readers hear where they are). */
  autoFocus?: boolean;
  onCancel?: () => void;
  onDone: (message: string) => void;
}

/** A ref for the form's heading, focused once when `autoFocus` is set. */
export function useHeadingFocus(autoFocus: boolean) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) headingRef.current?.focus();
  }, [autoFocus]);
  return headingRef;
}
