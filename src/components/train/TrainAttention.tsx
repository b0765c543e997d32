// The probe's attention as it forms: every layer and head of each attention (encoder self, decoder
// self, cross) as thumbnails, and the chosen head as a full heatmap (rows = queries, columns = keys).
import { memo, useMemo, useState } from 'react';
import type { BoolTensor, Tensor } from '../../model/tensor';
import { parseTraceKey } from '../../model/trace';
import { AttentionHeatmap } from '../../visualizations/AttentionHeatmap';
import { ModelOverview } from '../../visualizations/Overviews';
import type { WireMap, WireProbe } from '../../worker/trainProtocol';

/** `encoder.layers.0.selfAttention.weights` → group `encoder.self`, layer 0. */
function parseKey(key: string): { group: string; layer: number } {
  const path = parseTraceKey(key);
  if (path?.kind !== 'attention') return { group: key, layer: 0 };
  return { group: `${path.stack}.${path.attention === 'crossAttention' ? 'cross' : 'self'}`, layer: path.layer };
}

const GROUP_TITLES: Record<string, string> = {
  'encoder.self': 'Encoder self-attention',
  'decoder.self': 'Decoder self-attention (causal)',
  'decoder.cross': 'Cross-attention: decoder queries, encoder keys',
};

interface Group {
  group: string;
  maps: WireMap[]; // by layer
}

/** The maps grouped by kind, layers in order. */
function groupsOf(probe: WireProbe): Group[] {
  const byGroup = new Map<string, WireMap[]>();
  for (const m of probe.maps) {
    const { group, layer } = parseKey(m.key);
    const list = byGroup.get(group) ?? [];
    list[layer] = m;
    byGroup.set(group, list);
  }
  return [...byGroup].map(([group, maps]) => ({ group, maps }));
}

const tensorOf = (m: WireMap): Tensor => ({
  data: m.weights,
  shape: [m.nHeads, m.queryLabels.length, m.keyLabels.length],
}); // [nHeads, Sq, Sk]

/** The causal mask of a decoder's self-attention, [Sq, Sk] with 1 = blocked. */
function causalMask(n: number): BoolTensor {
  const data = new Uint8Array(n * n); // [S, S]
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) data[i * n + j] = 1;
  return { data, shape: [n, n] };
}

export interface Selection {
  group: string;
  layer: number;
  head: number;
}

/** Where to look first: the cross-attention of an encoder-decoder, else the last layer's self-attention. */
export function defaultSelection(probe: WireProbe): Selection {
  const groups = groupsOf(probe);
  const cross = groups.find((g) => g.group === 'decoder.cross');
  if (cross) return { group: cross.group, layer: 0, head: 0 };
  const g = groups[groups.length - 1];
  return { group: g.group, layer: g.maps.length - 1, head: 0 };
}

/** Thumbnails of every head and a heatmap of the selected one, for the latest probe. */
export const TrainAttention = memo(function TrainAttention({ probe }: { probe: WireProbe }) {
  const groups = useMemo(() => groupsOf(probe), [probe]);
  const [picked, setPicked] = useState<Selection | null>(null);
  const fallback = defaultSelection(probe);
  // a pick from an older model shape (other layers or heads) falls back to the default
  const sel =
    picked &&
    groups.find((g) => g.group === picked.group)?.maps[picked.layer] &&
    picked.head < probe.maps[0].nHeads
      ? picked
      : fallback;
  const map = groups.find((g) => g.group === sel.group)!.maps[sel.layer];
  const mask = useMemo(
    () => (sel.group === 'decoder.self' ? causalMask(map.queryLabels.length) : null),
    [sel.group, map.queryLabels.length],
  );
  const title = `${GROUP_TITLES[sel.group] ?? sel.group}, layer ${sel.layer}, head ${sel.head} (step ${probe.step})`;
  return (
    <div className="train-attention" data-testid="train-attention" data-probe-step={probe.step}>
      <div className="train-overviews">
        {groups.map((g) => (
          <ModelOverview
            key={g.group}
            title={GROUP_TITLES[g.group] ?? g.group}
            testId={`train-overview-${g.group.replace('.', '-')}`}
            layers={g.maps.map(tensorOf)}
            selected={sel.group === g.group ? { layer: sel.layer, head: sel.head } : null}
            onSelect={(layer, head) => setPicked({ group: g.group, layer, head })}
            size={72}
            headingLevel={3}
          />
        ))}
      </div>
      <AttentionHeatmap
        weights={tensorOf(map)}
        head={sel.head}
        mask={mask}
        queryTokens={map.queryLabels}
        keyTokens={map.keyLabels}
        dHead={undefined}
        title={title}
        description={`Probe “${probe.input}”. Each row is a query and sums to 1 over the keys it may see.`}
        headingLevel={3}
        testId="train-heatmap"
      />
    </div>
  );
});
