import { benchAudit } from "./audit.ts";
for (const r of await benchAudit()) console.log(r.join(" | "));
