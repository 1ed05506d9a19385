/** Renders a page's data once loaded, with a plain loading line and a readable error otherwise. */
import type { ReactNode } from "react";
import type { Resource } from "./use-resource.ts";

export function ResourceView<T>({
  resource,
  what,
  children,
}: {
  resource: Resource<T>;
  /** What is being loaded, for the messages ("policies"). */
  what: string;
  children: (data: T) => ReactNode;
}): ReactNode {
  if (resource.status === "loading")
    return (
      <p className="loading" role="status">
        Loading {what}…
      </p>
    );
  if (resource.status === "error") {
    const { error } = resource;
    const text =
      error.code === "forbidden"
        ? `Your role does not allow you to see ${what}. Ask an owner or officer if you need access.`
        : error.code === "network"
          ? error.message
          : `The ${what} could not be loaded: ${error.message}.`;
    return (
      <div className="notice notice--warning" role="alert">
        <p>{text}</p>
      </div>
    );
  }
  return <>{children(resource.data)}</>;
}
