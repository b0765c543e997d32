// The heatmap's markup (server-rendered): one ARIA grid with its size, one tab stop, the active cell
// announced as "query ‘…’ → key ‘…’: value", axes titled queries/keys, one hatch run per blocked row.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { AttentionHeatmap } from './AttentionHeatmap';
import { buildFixtures } from './fixtures/runs';
import { bytesOf } from './fixtures';
import * as files from './fixtures/modelFiles';

const fx = buildFixtures({
  decoder: bytesOf(files.decoder),
  encdec: bytesOf(files.encdec),
  rope: bytesOf(files.rope),
  encoder: bytesOf(files.encoder),
});

describe('AttentionHeatmap markup', () => {
  const a = fx.decoder.layers[0];
  const html = renderToStaticMarkup(
    <AttentionHeatmap
      weights={a.weights}
      scores={a.scores}
      mask={a.mask}
      head={1}
      dHead={4}
      queryTokens={a.queryTokens}
      keyTokens={a.keyTokens}
    />,
  );
  const S = a.queryTokens.length;
  it('is one grid with its size and a single tab stop', () => {
    expect(html.match(/role="grid"/g)).toHaveLength(1);
    expect(html).toContain(`aria-rowcount="${S}"`);
    expect(html).toContain(`aria-colcount="${S}"`);
    expect(html.match(/tabindex="0"/gi)).toHaveLength(1);
  });
  it('announces the focus cell with its tokens and weight', () => {
    const w00 = a.weights.data[S * S].toFixed(2); // head 1, row 0, column 0
    expect(html).toContain(`query ‘${a.queryTokens[0]}’ → key ‘${a.keyTokens[0]}’: ${w00}`);
  });
  it('titles the axes and hatches every blocked run', () => {
    expect(html).toContain('Queries (rows)');
    expect(html).toContain('Keys (columns)');
    const hatch = /data-testid="blocked-hatch">(.*?)<\/g>/.exec(html)?.[1] ?? '';
    expect(hatch.match(/<rect/g)).toHaveLength(S - 1); // causal: rows 0…S−2 have a blocked run
  });
});
