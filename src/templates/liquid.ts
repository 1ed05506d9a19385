/** One Liquid engine for all templates: strict (unknown variables and filters are errors), no file access. */
import { Liquid } from "liquidjs";
import { registerFilters } from "./filters.ts";
import { registerTags } from "./tags.ts";

let engine: Liquid | null = null;

export function liquidEngine(): Liquid {
  if (engine) return engine;
  engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // Templates are data, not code: no includes or layouts from the file system.
    relativeReference: false,
    root: [],
    greedy: false,
  });
  registerFilters(engine);
  registerTags(engine);
  return engine;
}
