// `npm run playground:serve`: serves the built playground (playground/dist/) on localhost. Any static
// file server does; this one needs nothing beyond Node, and the browser test uses it too.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the files under `root` on `host`:`port` (port 0: any free one). GET and HEAD only; a path
 * that leaves `root` or names no file is a 404, `/` is index.html.
 * @param {string} root
 * @param {{ host?: string, port?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function servePlayground(root, { host = '127.0.0.1', port = 0 } = {}) {
  const base = path.resolve(root);
  const server = createServer((request, response) => {
    void respond(base, request, response);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {string} base
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
async function respond(base, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  const file = path.join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  const info = file.startsWith(base + path.sep) ? await stat(file).catch(() => undefined) : undefined;
  if (!info?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file))] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `node playground/serve.js [--port N] [--root DIR]`: port 0 takes any free port.
  const { values } = parseArgs({ options: { port: { type: 'string' }, root: { type: 'string' } } });
  const root = values.root === undefined ? fileURLToPath(new URL('dist/', import.meta.url)) : path.resolve(values.root);
  const port = Number(values.port ?? process.env.PORT ?? 5178);
  if (!(await stat(path.join(root, 'index.html')).catch(() => undefined))) {
    console.error(`${root} has no index.html: build the playground first with \`npm run playground\`.`);
    process.exit(1);
  }
  const { url } = await servePlayground(root, { host: 'localhost', port });
  console.log(`The playground is at ${url} (Ctrl+C stops the server).`);
}
