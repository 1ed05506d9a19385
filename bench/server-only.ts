import { benchServer } from "./server.ts";
for (const row of await benchServer()) console.log(row.join(" | "));
