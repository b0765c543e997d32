// The dates task's metrics: exact match of greedy outputs on held-out dates, and cross-attention
// alignment — for each output digit of the year, month and day, does the source position with
// the highest cross-attention (mean over one decoder layer's heads) lie inside that part?
import { headMeanRow } from '../model/train/attentionStats';
import { makeBatch } from '../model/train/batch';
import type { TrainConfig } from '../model/train/config';
import { argmax } from '../model/sample';
import { greedyDecodeBatch } from '../model/train/evaluate';
import { attentionKey, forwardBatch } from '../model/train/forward';
import type { Params } from '../model/train/params';
import { datesExample, datesVocab, encodeDateText, type DateText } from './dates';
import { BOS, EOS } from './vocab';

/** Which part each ISO output character belongs to ("2021-03-03": 4 year, 2 month, 2 day). */
const PART_OF: ('year' | 'month' | 'day' | null)[] = ['year', 'year', 'year', 'year', null, 'month', 'month', null, 'day', 'day'];

export interface Alignment {
  year: number;
  month: number;
  day: number;
  overall: number;
}

export interface DatesMetrics {
  n: number;
  exactMatch: number;
  alignmentByLayer: Alignment[]; // index = decoder layer
  bestLayer: number;
  failures: { text: string; want: string; got: string }[]; // a few, for the card
}

export function datesMetrics(p: Params, c: TrainConfig, dates: DateText[]): DatesMetrics {
  const outs = greedyDecodeBatch(p, c, dates.map((d) => encodeDateText(d.text)), BOS, EOS, 12);
  let exact = 0;
  const failures: DatesMetrics['failures'] = [];
  dates.forEach((d, i) => {
    const got = outs[i].map((t) => datesVocab[t]).join('');
    if (got === d.iso) exact++;
    else if (failures.length < 5) failures.push({ text: d.text, want: d.iso, got });
  });
  const nDec = c.nDecoderLayers ?? 1;
  const hits = Array.from({ length: nDec }, () => ({ year: [0, 0], month: [0, 0], day: [0, 0] }));
  for (let start = 0; start < dates.length; start += 250) {
    const part = dates.slice(start, start + 250);
    const batch = makeBatch(part.map(datesExample), c.padId ?? 0); // teacher-forced on the true ISO date
    const { attention } = forwardBatch(null, p, c, batch);
    for (let layer = 0; layer < nDec; layer++) {
      const w = attention.get(attentionKey('decoder', layer, 'crossAttention'))!; // [B, nHeads, T, S]
      part.forEach((d, b) => {
        for (let t = 0; t < 10; t++) {
          const name = PART_OF[t];
          if (!name) continue;
          if (name === 'year' && d.twoDigitYear && t < 2) continue; // the century is inferred, not read
          const row = headMeanRow(w, batch.B, c.nHeads, batch.T, batch.S!, b, t); // [S]: row t predicts ISO char t
          const top = argmax(row, 0, d.text.length);
          const [s, e] = d[name];
          hits[layer][name][0] += top >= s && top < e ? 1 : 0;
          hits[layer][name][1]++;
        }
      });
    }
  }
  const alignmentByLayer = hits.map((h) => ({
    year: h.year[0] / h.year[1], month: h.month[0] / h.month[1], day: h.day[0] / h.day[1],
    overall: (h.year[0] + h.month[0] + h.day[0]) / (h.year[1] + h.month[1] + h.day[1]),
  }));
  let bestLayer = 0;
  alignmentByLayer.forEach((a, i) => { if (a.overall > alignmentByLayer[bestLayer].overall) bestLayer = i; });
  return { n: dates.length, exactMatch: exact / dates.length, alignmentByLayer, bestLayer, failures };
}
