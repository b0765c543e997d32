// embed.html's entry: parses the query string, starts the runtime (no URL writes, nothing stored)
// and renders one widget with no app chrome.
import './noStorage'; // first: before the store reads or writes storage
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp, startEmbedRuntime } from './EmbedApp';
import { parseEmbedParams } from './params';
import '../styles.css';
import './embed.css';

const parsed = parseEmbedParams(window.location.search);
startEmbedRuntime(parsed.config);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedApp parsed={parsed} />
  </StrictMode>,
);
