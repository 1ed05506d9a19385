/**
 * The GOV.UK error summary: at the top of the form, focused when it appears, one link per problem
 * that moves focus to the field (whose own message sits beside it).
 */
import { useEffect, useRef, type ReactNode } from "react";

export interface SummaryItem {
  message: string;
  /** Id of the control to focus; absent for problems with the whole request (account locked). */
  target?: string;
}

export function ErrorSummary({ items }: { items: SummaryItem[] }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {items.map((item, index) =>
          item.target ? (
            <li key={index}>
              <a
                href={`#${item.target}`}
                onClick={(event) => {
                  const control = document.getElementById(item.target!);
                  if (!control) return;
                  event.preventDefault();
                  control.scrollIntoView({ block: "center" });
                  control.focus();
                }}
              >
                {item.message}
              </a>
            </li>
          ) : (
            <li key={index}>{item.message}</li>
          ),
        )}
      </ul>
    </div>
  );
}
