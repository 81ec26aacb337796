// A small static file server for dist/: serves it under any sub-path (--prefix),
// optionally with the strict Content-Security-Policy newsrooms use (--csp), on
// 127.0.0.1 only. Used by ./scripts/run and by the browser tests (imported).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.bin': 'application/octet-stream', '.ico': 'image/x-icon',
};

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Starts a server; resolves to { server, url } once it listens. */
export function serve({ dir = 'dist', port = 0, prefix = '/', csp = null, headers = {} } = {}) {
  const root = path.resolve(dir);
  if (!prefix.endsWith('/')) prefix += '/';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let p = decodeURIComponent(url.pathname);
    if (!p.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    p = p.slice(prefix.length);
    if (p === '' || p.endsWith('/')) p += 'index.html';
    const file = path.join(root, p);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const h = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
                  'cache-control': 'no-cache', ...headers };
      if (csp) h['content-security-policy'] = csp;
      res.writeHead(200, h).end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://127.0.0.1:${p}${prefix}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const { url } = await serve({
    dir: arg('dir', 'dist'), port: Number(arg('port', 8080)), prefix: arg('prefix', '/'),
    csp: process.argv.includes('--csp') ? STRICT_CSP : null,
  });
  console.log(`baogao is served at ${url}  (Ctrl-C stops)`);
}
