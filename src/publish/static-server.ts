/** A minimal read-only file server for a published site: no directory listing, no path escape. */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

export function serveDirectory(root: string) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const relative = normalize(path.endsWith("/") ? `${path}index.html` : path).replace(/^([/\\])+/, "");
    const file = join(root, relative);
    const headers = {
      "content-security-policy": "default-src 'self'; img-src 'self' data:",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    };
    if (relative.split(sep).includes("..") || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, headers).end("Not found");
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { ...headers, "content-type": types[extname(file)] ?? "application/octet-stream" })
          .end(body),
      () => response.writeHead(404, headers).end("Not found"),
    );
  };
}
