// The trace CLI as a function of its arguments and a file reader, so tests can run it in-process:
// one JSON object on stdout and exit 0, or one line on stderr and exit 2 — never a stack trace.
import { ModelFileError, ModelInputError } from '../errors';
import { forward, type ForwardInput } from '../forward';
import { openCheckpointSync, type SyncFiles } from '../hf/checkpoint';
import { loadModel } from '../load';
import type { Model } from '../model';
import { createTokenizer, encode } from '../tokenizer';
import { assembleTrace, traceToJson } from '../trace';
import { parseArgs, USAGE, UsageError } from './args';

/** A model and how its text becomes ids (the HF tokenizer, or our char/word tokenizer). */
interface Opened {
  model: Model;
  tokenize(text: string): number[];
}

function ownFile(model: Model): Opened {
  return { model, tokenize: (text) => encode(createTokenizer(model), text).ids };
}

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `trace` with argv (flags only); readFile returns the model file's bytes or throws;
 * openFolder returns a Hugging Face checkpoint folder's files, or undefined when the path is no folder.
 */
export function runTraceCli(
  argv: readonly string[],
  readFile: (path: string) => Uint8Array,
  openFolder: (path: string) => SyncFiles | undefined = () => undefined,
): CliOutcome {
  const refuse = (message: string): CliOutcome => ({ code: 2, stdout: '', stderr: `trace: ${message}\n` });
  try {
    const request = parseArgs(argv);
    if (request.help) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };

    let opened: Opened;
    const folder = openFolder(request.model);
    if (folder) {
      const { model, tokenizer } = openCheckpointSync(folder);
      opened = {
        model,
        tokenize: (text) => {
          if (!tokenizer) throw new UsageError(`${request.model} has no tokenizer.json: give --input IDS`);
          return tokenizer.encode(text).ids;
        },
      };
    } else {
      let bytes: Uint8Array;
      try {
        bytes = readFile(request.model);
      } catch (e) {
        const code = (e as { code?: string }).code;
        const why =
          code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
        return refuse(`cannot read model file ${request.model}: ${why}`);
      }
      opened = ownFile(loadModel(bytes));
    }
    const { model } = opened;
    const arch = model.config.arch;
    if (request.text !== undefined) {
      const ids = opened.tokenize(request.text);
      if (arch === 'encoder-decoder') {
        // The text is the source; the target is the decoder's start token (the first step of a translation).
        const start = Number(model.metadata.decoderStartId ?? model.config.padId ?? 0);
        request.src = ids;
        request.tgt = [start];
      } else request.tokens = ids;
    }
    let input: ForwardInput;
    if (arch === 'encoder-decoder') {
      if (!request.src || !request.tgt)
        return refuse(`${request.model} is an encoder-decoder model: give --src IDS --tgt IDS`);
      input = { src: request.src, tgt: request.tgt };
    } else {
      if (!request.tokens)
        return refuse(`${request.model} is an ${arch} model: give --input IDS, not --src/--tgt`);
      input = { tokens: request.tokens };
    }
    const result = forward(model, input, { ...request.options, trace: 'full' });
    return { code: 0, stdout: `${JSON.stringify(traceToJson(assembleTrace(result.trace)))}\n`, stderr: '' };
  } catch (e) {
    if (e instanceof UsageError || e instanceof ModelInputError) return refuse(e.message);
    if (e instanceof ModelFileError) return refuse(`bad model file: ${e.message}`);
    const message = e instanceof Error ? e.message : String(e);
    return { code: 1, stdout: '', stderr: `trace: internal error: ${message.split('\n')[0]}\n` };
  }
}
