// Starts the app's runtime once: the bridge (engine ↔ store) and the URL sync. Pages that show live
// model output (playground, lessons, embeds) call useAtlasRuntime(); nothing starts before.
import { useEffect } from 'react';
import { useAtlas } from './atlas';
import { getBridge, type Bridge } from './bridge';
import { startUrlSync } from './urlSync';

let urlSyncStarted = false;

/**
 * Starts the runtime (idempotent). Embeds pass `writeUrl: false` (they never write history) and
 * `canChooseModel: false` (they have no model list or file picker to point to).
 */
export function startAtlasRuntime(options: { writeUrl?: boolean; canChooseModel?: boolean } = {}): Bridge {
  if (!urlSyncStarted && typeof window !== 'undefined') {
    urlSyncStarted = true;
    startUrlSync(useAtlas, { write: options.writeUrl ?? true });
  }
  return getBridge({ canChooseModel: options.canChooseModel });
}

/** The app bridge's actions; each call starts the runtime if it has not started yet. */
export const atlasActions: Omit<Bridge, 'dispose'> = {
  loadModelFile: (file) => startAtlasRuntime().loadModelFile(file),
  generate: (maxNewTokens) => startAtlasRuntime().generate(maxNewTokens),
  cancel: () => startAtlasRuntime().cancel(),
  crashWorker: () => startAtlasRuntime().crashWorker(),
  loadCheckpointFiles: (files) => startAtlasRuntime().loadCheckpointFiles(files),
  openHub: (repo, download) => startAtlasRuntime().openHub(repo, download),
  cancelCheckpoint: () => startAtlasRuntime().cancelCheckpoint(),
  closeWorker: () => startAtlasRuntime().closeWorker(),
  sweep: () => startAtlasRuntime().sweep(),
};

/**
 * Starts the runtime when a page that shows live model output mounts (URL first, then the engine),
 * and returns the bridge's actions: load a file, generate, cancel.
 */
export function useAtlasRuntime(options: { writeUrl?: boolean } = {}): Omit<Bridge, 'dispose'> {
  const writeUrl = options.writeUrl ?? true;
  useEffect(() => {
    startAtlasRuntime({ writeUrl });
  }, [writeUrl]);
  return atlasActions;
}
