/** `npm run bench:server`: only these figures of `npm run bench`. */
import { benchServer } from "./server.ts";
for (const row of await benchServer()) console.log(row.join(" | "));
