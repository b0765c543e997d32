// A checkpoint on the Hugging Face Hub, fetched by the student's own browser (nothing is uploaded):
// the file list with sizes from the Hub's API (`/api/models/{owner/name}/revision/{rev}?blobs=true`),
// so the download size is known before it starts and no missing file is ever requested; files by
// their resolve URLs (`{base}/{owner/name}/resolve/{rev}/{file}`, redirects followed); safetensors
// headers read by range requests, so the memory needed is known too; then each file downloaded whole
// with progress and cancel, kept in Cache Storage (with a manifest) for the next visit.
import { ModelFileError } from '../../model/errors';
import { CHECKPOINT_FILES, type AsyncFiles } from '../../model/hf/checkpoint';
import { shardFiles } from '../../model/hf/safetensorsIndex';

/** The part of Cache Storage used here (a fake in Node tests). */
export interface CacheLike {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
}

export interface HubOptions {
  /** Where the Hub is: https://huggingface.co, or a local server laid out like it (tests). */
  base: string;
  revision?: string;
  fetch?: typeof fetch;
  cache?: CacheLike | null;
  signal?: AbortSignal;
}

export interface HubCheckpoint {
  repo: string;
  /** Reads from the downloaded (or cached) files, or by range from the Hub before the download. */
  files: AsyncFiles;
  /** Bytes of every file Atlas reads. */
  totalBytes: number;
  /** Bytes still to download (the rest is in the cache). */
  missingBytes: number;
  /** Downloads what is not cached yet; `onProgress` counts bytes of this download. */
  download(onProgress?: (loaded: number, total: number) => void): Promise<void>;
}

/** owner/name as the Hub spells it (letters, digits, -, _, .); anything else is refused. */
export function isRepoName(repo: string): boolean {
  return /^[\w.-]{1,96}\/[\w.-]{1,96}$/.test(repo) && !repo.includes('..');
}

const OPTIONAL = [
  CHECKPOINT_FILES.index,
  CHECKPOINT_FILES.single,
  CHECKPOINT_FILES.tokenizer,
  CHECKPOINT_FILES.tokenizerConfig,
  CHECKPOINT_FILES.specialTokens,
];

/** Finds a checkpoint on the Hub: which files exist and how big they are. Throws one sentence. */
export async function openHub(repo: string, options: HubOptions): Promise<HubCheckpoint> {
  if (!isRepoName(repo))
    throw new ModelFileError(`“${repo.slice(0, 80)}” is not a Hub model name of the form owner/name`);
  const doFetch = options.fetch ?? fetch;
  const cache = options.cache ?? null;
  const { signal } = options;
  const base = options.base.replace(/\/+$/, '');
  const url = (file: string) =>
    `${base}/${repo}/resolve/${encodeURIComponent(options.revision ?? 'main')}/${encodeURIComponent(file)}`;
  const blobs = new Map<string, Blob>();
  /** Files served from Cache Storage (nothing to download or to store again). */
  const fromCache = new Set<string>();
  const sizes = new Map<string, number>();

  const request = async (file: string, init: RequestInit = {}): Promise<Response> => {
    let res: Response;
    try {
      res = await doFetch(url(file), { ...init, signal });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ModelFileError(
        `could not reach the Hub for ${repo}/${file}: the network failed or the server refused (CORS)`,
      );
    }
    return res;
  };

  const manifestUrl = `${base}/${repo}/resolve/${encodeURIComponent(options.revision ?? 'main')}/.atlas-manifest.json`;

  /** The repo's files and sizes: from the cache (a manifest written with the download), else the Hub's API. */
  const listFiles = async (): Promise<Map<string, number>> => {
    const cached = cache ? await cache.match(manifestUrl) : undefined;
    if (cached) {
      const list = (await cached.json()) as Record<string, number>;
      const all = await Promise.all(
        Object.keys(list).map(async (f) => [f, await cache!.match(url(f))] as const),
      );
      if (all.every(([, r]) => r)) {
        for (const [f, r] of all) {
          const blob = await r!.blob();
          blobs.set(f, blob);
          fromCache.add(f);
        }
        return new Map(Object.entries(list));
      }
    }
    let res: Response;
    try {
      res = await doFetch(
        `${base}/api/models/${repo}/revision/${encodeURIComponent(options.revision ?? 'main')}?blobs=true`,
        { signal },
      );
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ModelFileError(
        `could not reach the Hub for ${repo}: the network failed or the server refused (CORS)`,
      );
    }
    if (res.status === 404) throw new ModelFileError(`${repo} was not found on the Hub`);
    if (res.status === 401 || res.status === 403)
      throw new ModelFileError(
        `${repo} is private or gated on the Hub (HTTP ${res.status}), so it cannot be downloaded here`,
      );
    if (!res.ok) throw new ModelFileError(`the Hub answered HTTP ${res.status} for ${repo}`);
    const info = (await res.json().catch(() => null)) as {
      siblings?: { rfilename?: unknown; size?: unknown }[];
    } | null;
    const out = new Map<string, number>();
    for (const f of info?.siblings ?? [])
      if (typeof f.rfilename === 'string' && typeof f.size === 'number') out.set(f.rfilename, f.size);
    return out;
  };

  const listed = await listFiles();
  if (!listed.has(CHECKPOINT_FILES.config))
    throw new ModelFileError(`${repo} has no config.json on the Hub, so it is no model Atlas can open`);
  for (const file of [CHECKPOINT_FILES.config, ...OPTIONAL])
    if (listed.has(file)) sizes.set(file, listed.get(file)!);

  const readAll = async (file: string): Promise<Blob> => {
    const known = blobs.get(file);
    if (known) return known;
    const res = await request(file);
    if (!res.ok) throw new ModelFileError(`the Hub answered HTTP ${res.status} for ${repo}/${file}`);
    const blob = await res.blob();
    blobs.set(file, blob);
    return blob;
  };

  if (sizes.has(CHECKPOINT_FILES.index)) {
    const index = await (await readAll(CHECKPOINT_FILES.index)).text();
    for (const shard of shardFiles(index)) {
      const size = listed.get(shard);
      if (size === undefined)
        throw new ModelFileError(`${repo} has no ${shard}, although its index names it`);
      sizes.set(shard, size);
    }
  }

  const files: AsyncFiles = {
    names: new Set(sizes.keys()),
    size: (name) => sizes.get(name) ?? 0,
    async bytes(name, start = 0, end) {
      const stop = end ?? sizes.get(name) ?? 0;
      const blob = blobs.get(name);
      if (blob) return new Uint8Array(await blob.slice(start, stop).arrayBuffer());
      if (start === 0 && stop === sizes.get(name))
        return new Uint8Array(await (await readAll(name)).arrayBuffer());
      // Before the download: just these bytes, by a range request (safetensors headers).
      const res = await request(name, { headers: { Range: `bytes=${start}-${stop - 1}` } });
      if (res.status !== 206 && res.status !== 200)
        throw new ModelFileError(`the Hub answered HTTP ${res.status} for ${repo}/${name}`);
      const buf = new Uint8Array(await res.arrayBuffer());
      return res.status === 206 ? buf : buf.slice(start, stop); // a server without ranges sends it all
    },
  };

  const missing = () => [...sizes.keys()].filter((f) => !blobs.has(f));
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);

  return {
    repo,
    files,
    totalBytes: total,
    missingBytes: missing().reduce((a, f) => a + (sizes.get(f) ?? 0), 0),
    async download(onProgress) {
      // Small files already read (config, tokenizer, index) go into the cache as they are.
      for (const [file, blob] of blobs)
        if (!fromCache.has(file) && cache) await cache.put(url(file), new Response(blob));
      const todo = missing();
      const all = todo.reduce((a, f) => a + (sizes.get(f) ?? 0), 0);
      let loaded = 0;
      for (const file of todo) {
        const res = await request(file);
        if (!res.ok || !res.body)
          throw new ModelFileError(`the Hub answered HTTP ${res.status} for ${repo}/${file}`);
        const chunks: Uint8Array[] = [];
        let got = 0;
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          got += value.length;
          loaded += value.length;
          onProgress?.(loaded, all);
        }
        const expected = sizes.get(file) ?? got;
        if (got !== expected)
          throw new ModelFileError(`${file} arrived truncated: ${got} of ${expected} bytes; try again`);
        const blob = new Blob(chunks as BlobPart[]);
        blobs.set(file, blob);
        // Cached only when complete: a cancelled or cut download is never served next time.
        if (cache)
          await cache.put(
            url(file),
            new Response(blob, { headers: { 'Content-Length': String(blob.size) } }),
          );
      }
      // The manifest last: a next visit trusts the cache only when every file of it is there.
      if (cache) await cache.put(manifestUrl, new Response(JSON.stringify(Object.fromEntries(sizes))));
    },
  };
}
