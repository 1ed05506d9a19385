/** `npm run bench:audit`: only these figures of `npm run bench`. */
import { benchAudit } from "./audit.ts";
for (const r of await benchAudit()) console.log(r.join(" | "));
