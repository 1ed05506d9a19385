/** Table columns every list of work shares. */
import type { Occurrence } from "../api/types.ts";
import { Link } from "../router.tsx";
import type { Column } from "./data-table.tsx";
import { shorten } from "./occurrence-status.tsx";

/** The sentence, shortened, linking to the work's page (the full text is its title). */
export const workColumn: Column<Occurrence> = {
  key: "work",
  header: "Work",
  cell: (o) => (
    <Link to={`/work/${encodeURIComponent(o.id)}`} title={o.text}>
      {shorten(o.text, 110)}
    </Link>
  ),
};
