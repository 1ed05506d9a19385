/**
 * Form submission state shared by every form: a pending flag, the problems per field (keyed by the
 * field's path in the request, `access.idleLogoffMinutes`) and the items of the error summary.
 */
import { useCallback, useState, type SubmitEvent } from "react";
import { ApiError, fieldPath } from "../api/client.ts";
import type { SummaryItem } from "./error-summary.tsx";

export interface FieldNaming {
  /** The id of the control showing this field, or undefined when the form has none. */
  controlId: (path: string) => string | undefined;
  /** How the summary names the field ("Email address"). */
  label: (path: string) => string;
}

export interface SubmitState {
  pending: boolean;
  fieldErrors: Record<string, string>;
  summary: SummaryItem[];
  onSubmit: (event?: SubmitEvent) => void;
  /** Shows problems found before sending (two passwords that differ). */
  fail: (items: { path?: string; message: string }[]) => void;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The summary lists problems in the order of the fields on the page (GOV.UK), whatever order the
 * server found them in; problems with the whole request come first.
 */
function inPageOrder(items: SummaryItem[]): SummaryItem[] {
  const position = (item: SummaryItem) => (item.target ? document.getElementById(item.target) : null);
  return [...items].sort((a, b) => {
    const left = position(a);
    const right = position(b);
    if (!left || !right) return left ? 1 : right ? -1 : 0;
    if (left === right) return 0;
    return left.compareDocumentPosition(right) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

export function useSubmit(action: () => Promise<void>, naming: FieldNaming): SubmitState {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);

  const fail = useCallback(
    (items: { path?: string; message: string }[]) => {
      const byField: Record<string, string> = {};
      const list: SummaryItem[] = [];
      for (const item of items) {
        const target = item.path === undefined ? undefined : naming.controlId(item.path);
        if (item.path !== undefined && target) {
          byField[item.path] ??= sentence(item.message);
          list.push({ message: `${naming.label(item.path)}: ${item.message}`, target });
        } else {
          const prefix = item.path && item.path !== "body" ? `${naming.label(item.path)}: ` : "";
          list.push({ message: prefix + sentence(item.message) });
        }
      }
      setFieldErrors(byField);
      setSummary(inPageOrder(list));
    },
    [naming],
  );

  const onSubmit = useCallback(
    (event?: SubmitEvent) => {
      event?.preventDefault();
      if (pending) return;
      setPending(true);
      action().then(
        () => {
          setFieldErrors({});
          setSummary([]);
          setPending(false);
        },
        (error: unknown) => {
          setPending(false);
          if (!(error instanceof ApiError)) {
            fail([{ message: "Something went wrong. Try again." }]);
            return;
          }
          if (error.fields.length > 0) {
            fail(error.fields.map((problem) => ({ path: fieldPath(problem), message: problem.message })));
          } else fail([{ message: error.message }]);
        },
      );
    },
    [action, fail, pending],
  );

  return { pending, fieldErrors, summary, onSubmit, fail };
}
