// A local server laid out like the Hugging Face Hub, for tests (vitest and Playwright start it
// themselves): `/api/models/{owner}/{name}/revision/{rev}` (files and sizes), GET/HEAD
// `/{owner}/{name}/resolve/{revision}/{file}` from a folder per repo, .safetensors
// redirected (302) to a CDN-like path as the Hub does for LFS files, range requests (206 with
// Content-Range), CORS headers with preflight (Range allowed, Content-Range exposed), 404 for what
// is not there, and an optional delay per chunk so a download can be watched and cancelled.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface HubServer {
  url: string;
  /** Every request seen, as "METHOD path [range]" (tests count downloads). */
  log: string[];
  close(): Promise<void>;
}

export interface HubServerOptions {
  /** repo "owner/name" → folder with its files. */
  repos: Record<string, string>;
  port?: number;
  /** Milliseconds to wait between chunks of a full download (0: none). */
  chunkDelayMs?: number;
  /** Bytes per chunk of a full download (default 64 KB). */
  chunkBytes?: number;
  /** Path prefix the server is reached under (a proxy's), for redirect locations. */
  prefix?: string;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Range, Content-Type',
  'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges, ETag',
};

export function startHubServer(options: HubServerOptions): Promise<HubServer> {
  const log: string[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const range = req.headers.range;
    log.push(`${req.method} ${path}${range ? ` ${range}` : ''}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS' });
      res.end();
      return;
    }
    // The model info API: the repo's files with their sizes.
    const api = /^\/api\/models\/([\w.-]+\/[\w.-]+)(?:\/revision\/[\w.-]+)?$/.exec(path);
    if (api) {
      const dir = options.repos[api[1]];
      if (!dir) {
        res.writeHead(404, { ...CORS, 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'Repository not found' }));
        return;
      }
      const siblings = readdirSync(dir)
        .filter((f) => f !== 'trace.json')
        .map((f) => ({ rfilename: f, size: statSync(join(dir, f)).size }));
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: api[1], siblings }));
      return;
    }
    // /{owner}/{name}/resolve/{rev}/{file}  or the CDN path /cdn/{owner}/{name}/{file}
    const m = /^\/(?:cdn\/)?([\w.-]+\/[\w.-]+)\/(?:resolve\/[\w.-]+\/)?([\w.-]+)$/.exec(path);
    const folder = m ? options.repos[m[1]] : undefined;
    const file = m && folder ? join(folder, m[2]) : undefined;
    if (!m || !file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { ...CORS, 'Content-Type': 'text/plain' });
      res.end('Entry not found');
      return;
    }
    if (!path.startsWith('/cdn/') && file.endsWith('.safetensors')) {
      res.writeHead(302, { ...CORS, Location: `${options.prefix ?? ''}/cdn/${m[1]}/${m[2]}` });
      res.end();
      return;
    }
    const data = readFileSync(file);
    const r = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
    if (r) {
      const start = Number(r[1]);
      const end = r[2] ? Math.min(Number(r[2]), data.length - 1) : data.length - 1;
      if (start >= data.length) {
        res.writeHead(416, { ...CORS, 'Content-Range': `bytes */${data.length}` });
        res.end();
        return;
      }
      res.writeHead(206, {
        ...CORS,
        'Content-Range': `bytes ${start}-${end}/${data.length}`,
        'Content-Length': String(end - start + 1),
        'Accept-Ranges': 'bytes',
      });
      res.end(req.method === 'HEAD' ? undefined : data.subarray(start, end + 1));
      return;
    }
    res.writeHead(200, {
      ...CORS,
      'Content-Length': String(data.length),
      'Accept-Ranges': 'bytes',
      'Content-Type': 'application/octet-stream',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const delay = options.chunkDelayMs ?? 0;
    const chunk = options.chunkBytes ?? 65536;
    for (let i = 0; i < data.length; i += chunk) {
      if (res.destroyed) return;
      res.write(data.subarray(i, i + chunk));
      if (delay) await new Promise((ok) => setTimeout(ok, delay));
    }
    res.end();
  };
  const server: Server = createServer((req, res) => void handler(req, res));
  return new Promise((resolve) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        log,
        close: () =>
          new Promise((ok) => {
            server.closeAllConnections();
            server.close(() => ok());
          }),
      });
    });
  });
}
