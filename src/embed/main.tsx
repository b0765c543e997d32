// embed.html's entry: parses the query string, starts the runtime (no URL writes, nothing stored)
// and renders one widget with no app chrome.
import './noStorage'; // first: before the store reads or writes storage
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp, startEmbedRuntime } from './EmbedApp';
import { parseEmbedParams } from './params';
import { installScriptTransport } from './scriptTransport';
import '../styles.css';
import './embed.css';

// In a sandboxed frame our model files come as classic scripts (no CORS needed); see scriptTransport.ts.
if (import.meta.env.PROD) installScriptTransport();
const parsed = parseEmbedParams(window.location.search);
startEmbedRuntime(parsed.config);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedApp parsed={parsed} />
  </StrictMode>,
);
