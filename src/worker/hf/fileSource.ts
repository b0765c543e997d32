// A checkpoint the user picked or dropped (files, or a folder's files) as AsyncFiles: every read is
// a File.slice of just the bytes asked for, so a 500 MB file is never read whole.
import type { AsyncFiles } from '../../model/hf/checkpoint';

/** The file's own name without any folder path (a dropped folder gives "gpt2/config.json"). */
const baseName = (f: File) => (f.webkitRelativePath || f.name).split('/').pop() ?? f.name;

export function filesSource(files: readonly File[]): AsyncFiles {
  const byName = new Map<string, File>();
  for (const f of files) if (!byName.has(baseName(f))) byName.set(baseName(f), f);
  const get = (name: string) => {
    const f = byName.get(name);
    if (!f) throw new Error(`no file ${name}`);
    return f;
  };
  return {
    names: new Set(byName.keys()),
    size: (name) => get(name).size,
    async bytes(name, start = 0, end) {
      const f = get(name);
      return new Uint8Array(await f.slice(start, end ?? f.size).arrayBuffer());
    },
  };
}
