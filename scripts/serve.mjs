// @ts-check
// A tiny static server for the demo and the end-to-end host pages. It can mount
// folders under URL prefixes and fill {{PLACEHOLDERS}} in HTML, so the same page
// can point at whichever port the helper sandbox got.

import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = /** @type {Record<string, string>} */ ({
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
});

/**
 * @param {{
 *   mounts: Record<string, string>,
 *   port?: number,
 *   host?: string,
 *   vars?: Record<string, string>,
 *   replace?: Record<string, string>,
 *   headers?: (path: string, query: URLSearchParams) => Record<string, string>,
 *   routes?: Record<string, (path: string) => Route | Promise<Route>>,
 *   rewrite?: (path: string, body: Buffer, type: string, query: URLSearchParams) => Body | undefined | Promise<Body | undefined>,
 *   gzip?: boolean,
 * }} options mounts: URL prefix -> folder ("/" for the root). routes: exact URL path -> a
 *   response made at request time (before the mounts are looked at). rewrite: called with
 *   every file about to be served (after {{VARS}} and replace); what it returns, if anything,
 *   is served instead. gzip: files are sent gzip -9 to a client that accepts it (off by default).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function serveStatic({
  mounts,
  port = 0,
  host = "127.0.0.1",
  vars = {},
  replace = {},
  headers,
  routes = {},
  rewrite,
  gzip = false,
}) {
  /** @type {Map<string, ReturnType<typeof gzipSync>>} gzip -9 of each body served, by its content */
  const gzipped = new Map();
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = decodeURIComponent(url.pathname);
    // Browsers ask for it on every page; a site without one is not an error.
    if (path === "/favicon.ico") return void res.writeHead(204).end();
    if (Object.hasOwn(routes, path)) {
      try {
        const route = await routes[path](path);
        res.writeHead(200, {
          "Content-Type": route.type,
          "Cache-Control": "no-store",
          ...headers?.(path, url.searchParams),
        });
        return void res.end(route.body);
      } catch (e) {
        res.writeHead(500, { "Content-Type": "text/plain" });
        return void res.end(String(e));
      }
    }
    const prefix = prefixes.find(
      (p) => path === p || path.startsWith(p.endsWith("/") ? p : `${p}/`),
    );
    if (!prefix) return notFound(res);
    const root = resolve(mounts[prefix]);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return notFound(res);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      if (type.startsWith("text/html")) {
        let html = body.toString("utf8");
        for (const [k, v] of Object.entries(vars)) html = html.replaceAll(`{{${k}}}`, v);
        // Pages written for the demo's sandbox can be pointed at another one, unchanged.
        for (const [k, v] of Object.entries(replace)) html = html.replaceAll(k, v);
        body = Buffer.from(html);
      }
      const rewritten = await rewrite?.(path, body, type, url.searchParams);
      if (rewritten !== undefined) body = Buffer.from(rewritten);
      /** @type {Record<string, string>} */
      const encoding = {};
      if (gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        const key = body.toString("latin1");
        const packed = gzipped.get(key) ?? gzipSync(body, { level: 9 });
        gzipped.set(key, packed);
        body = packed;
        Object.assign(encoding, { "Content-Encoding": "gzip", Vary: "Accept-Encoding" });
      }
      res.writeHead(200, {
        ...encoding,
        "Content-Type": type,
        "Cache-Control": "no-store",
        // As a CDN does: osdi-embed loads its files with crossorigin="anonymous" (for SRI),
        // so a page on another origin needs this header to use them.
        "Access-Control-Allow-Origin": "*",
        ...headers?.(path, url.searchParams),
      });
      res.end(body);
    } catch {
      notFound(res);
    }
  });
  await new Promise((ok) => server.listen(port, host, () => ok(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok(undefined));
      }),
  };
}

/** @typedef {string | Buffer} Body */
/** @typedef {{ type: string, body: Body }} Route */

/** @param {import("node:http").ServerResponse} res */
function notFound(res) {
  res.writeHead(404, { "Content-Type": "text/plain" });
  res.end("Not found");
}
