// Entry point of `npm run -s trace -- --model FILE ...` (docs/model-spec.md §The trace command line). The only
// Node-specific part: reading the file and writing to the process's streams.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runTraceCli } from './run';

// npm runs scripts from the package root; resolve the model path against where the user typed it.
const cwd = process.env.INIT_CWD ?? process.cwd();
const outcome = runTraceCli(
  process.argv.slice(2),
  (path) => new Uint8Array(readFileSync(resolve(cwd, path))),
);
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
