// "Show as table" shows exactly the trace: every <td> parses back to the tensor's value (to 4 decimals),
// blocked cells say so in words, and headers carry the query and key tokens.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CellTable } from './CellTable';
import { sequentialScale } from './scales';
import { parseValue } from './format';
import { headMatrix } from './tensorView';
import { buildFixtures } from './fixtures/runs';
import { bytesOf } from './fixtures';
import * as files from './fixtures/modelFiles';

const fx = buildFixtures({
  decoder: bytesOf(files.decoder),
  encdec: bytesOf(files.encdec),
  rope: bytesOf(files.rope),
  encoder: bytesOf(files.encoder),
});

function cells(html: string): string[][] {
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1); // skip the header row
  return rows.map((r) =>
    [...r[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, '')),
  );
}

describe('CellTable', () => {
  it('shows the weights of a head of the real decoder run, blocked cells named', () => {
    const a = fx.decoder.layers[0];
    const m = headMatrix(a.weights, 1);
    const html = renderToStaticMarkup(
      <CellTable
        values={m.values}
        offset={0}
        digits={4}
        rows={m.rows}
        cols={m.cols}
        rowLabels={a.queryTokens}
        colLabels={a.keyTokens}
        rowTitle="Queries (rows)"
        colTitle="Keys (columns)"
        rowNoun="query"
        colNoun="key"
        scale={sequentialScale()}
        legendTitle="weight"
        blocked={a.mask.data}
        label="weights"
      />,
    );
    const table = cells(html);
    expect(table.length).toBe(m.rows);
    for (let i = 0; i < m.rows; i++)
      for (let j = 0; j < m.cols; j++) {
        const text = table[i][j];
        expect(Math.abs(parseValue(text.replace(' blocked', '')) - m.values[i * m.cols + j])).toBeLessThan(
          5e-5,
        );
        expect(text.includes('blocked')).toBe(j > i); // causal
      }
    expect(html).toContain('<th scope="row">t4</th>');
    expect(html).toContain('<caption>weights</caption>');
  });
});
