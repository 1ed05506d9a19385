/**
 * A worker thread of page-pool.ts: checks each page it is sent on its own (page-check.ts) and sends
 * the page back with the result.
 */
import { parentPort } from "node:worker_threads";
import { checkAlone } from "./page-check.ts";

export interface PageRequest {
  id: number;
  organizationId: string;
  headSeq: number;
  page: Uint8Array;
}

const port = parentPort!;
port.on("message", ({ id, organizationId, headSeq, page }: PageRequest) => {
  const result = checkAlone(
    organizationId,
    headSeq,
    Buffer.from(page.buffer, page.byteOffset, page.byteLength),
  );
  port.postMessage({ id, result, page }, [page.buffer as ArrayBuffer]);
});
port.postMessage("ready");
