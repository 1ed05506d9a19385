/**
 * Worker threads that check pages of a long chain while the main thread reads the next ones, so
 * hashing uses the other cores. Each page is checked on its own (page-check.ts `checkAlone`); the
 * caller joins the results in seq order and decides every record a worker did not confirm.
 *
 * From source (tsx) the worker is page-worker.ts, loaded through tsx's loader; from the bundle it
 * is dist/audit-page-worker.js (scripts/build.mjs). When no worker can start, `startPagePool`
 * answers null and verification runs in one thread, as it does for short chains.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { packageRoot } from "../paths.ts";
import type { AloneCheck } from "./page-check.ts";
import type { PageRequest } from "./page-worker.ts";

export interface CheckedPage {
  page: Buffer;
  /** null when the page was not checked by a worker. */
  alone: AloneCheck | null;
}

export interface PagePool {
  /** Sends a page of an organization's chain (its memory moves to the worker and back). */
  check(page: Buffer, organizationId: string, headSeq: number): Promise<CheckedPage>;
  close(): Promise<void>;
}

function spawn(): Worker | null {
  if (import.meta.url.endsWith(".ts")) {
    const tsx = import.meta.resolve("tsx/esm/api");
    const body = new URL("./page-worker.ts", import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(body)}); })`;
    return new Worker(boot, { eval: true });
  }
  const file = join(packageRoot(), "dist", "audit-page-worker.js");
  return existsSync(file) ? new Worker(file) : null;
}

/** Resolves on the worker's first message, which it sends once its code is loaded. */
const ready = (worker: Worker) =>
  new Promise<void>((resolve, reject) => {
    worker.once("message", () => {
      resolve();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      reject(new Error(`exited with ${code} before it was ready`));
    });
  });

/** A page's bytes in memory of their own, so they can move to a worker without a copy. */
export function ownBuffer(text: string): Buffer {
  const page = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  page.write(text, "utf8");
  return page;
}

export async function startPagePool(threads: number): Promise<PagePool | null> {
  const workers: Worker[] = [];
  const waiting = new Map<number, { resolve: (page: CheckedPage) => void; reject: (error: Error) => void }>();
  let failure: Error | null = null;
  const failAll = (error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  try {
    for (let i = 0; i < threads; i += 1) {
      const worker = spawn();
      if (!worker) break;
      workers.push(worker);
    }
    // Started when it says so: a loader or file problem shows here, not halfway through a chain.
    await Promise.all(workers.map(ready));
    for (const worker of workers) {
      worker.on("message", ({ id, result, page }: { id: number; result: AloneCheck; page: Uint8Array }) => {
        const entry = waiting.get(id);
        waiting.delete(id);
        entry?.resolve({ page: Buffer.from(page.buffer, page.byteOffset, page.byteLength), alone: result });
      });
      worker.on("error", failAll);
      worker.on("exit", (code) => {
        if (code !== 0) failAll(new Error(`an audit verification thread stopped (exit code ${code})`));
      });
    }
  } catch {
    await Promise.all(workers.map((worker) => worker.terminate()));
    return null;
  }
  if (workers.length === 0) return null;

  let next = 0;
  return {
    check(page, organizationId, headSeq) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      const worker = workers[id % workers.length]!;
      return new Promise<CheckedPage>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const view = new Uint8Array(page.buffer, page.byteOffset, page.byteLength);
        const request: PageRequest = { id, organizationId, headSeq, page: view };
        worker.postMessage(request, [view.buffer as ArrayBuffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
      failAll(new Error("the audit verification threads were closed"));
    },
  };
}
