// A checkpoint folder on disk as the model's SyncFiles (Node only: the CLI and tests).
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncFiles } from '../hf/checkpoint';

/** The files directly inside `dir`, read by byte range without loading whole files. */
export function folderFiles(dir: string): SyncFiles {
  const names = new Set(readdirSync(dir).filter((n) => statSync(join(dir, n)).isFile()));
  return {
    names,
    size: (name) => statSync(join(dir, name)).size,
    bytes(name, start = 0, end) {
      const path = join(dir, name);
      const stop = end ?? statSync(path).size;
      const out = new Uint8Array(Math.max(0, stop - start));
      const fd = openSync(path, 'r');
      try {
        let got = 0;
        while (got < out.length) {
          const n = readSync(fd, out, got, out.length - got, start + got);
          if (n === 0) break;
          got += n;
        }
      } finally {
        closeSync(fd);
      }
      return out;
    },
  };
}
