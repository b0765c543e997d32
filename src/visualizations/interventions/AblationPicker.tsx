// Choose heads to knock out: one checkbox per head, grouped by stack, layer and attention kind.
import { formatHeadRef, type HeadRef } from '../../model/interventions';

export interface AblationPickerProps {
  heads: readonly HeadRef[]; // every head of the model (allHeads)
  selected: readonly HeadRef[];
  onToggle: (head: HeadRef) => void;
}

const groupName = (h: HeadRef) => `${h.stack} layer ${h.layer}, ${h.kind === 'cross' ? 'cross-attention' : 'self-attention'}`;

export function AblationPicker({ heads, selected, onToggle }: AblationPickerProps) {
  const on = new Set(selected.map(formatHeadRef));
  const groups = new Map<string, HeadRef[]>();
  for (const h of heads) groups.set(groupName(h), [...(groups.get(groupName(h)) ?? []), h]);
  return (
    <fieldset className="iv-picker" data-testid="ablate-picker">
      <legend>Knock out heads (ablate)</legend>
      {[...groups].map(([name, hs]) => (
        <div className="iv-picker-row" key={name}>
          <span>{name}</span>
          {hs.map((h) => {
            const key = formatHeadRef(h);
            return (
              <label key={key}>
                <input type="checkbox" checked={on.has(key)} onChange={() => onToggle(h)} data-testid={`ablate-${key}`} aria-label={`Knock out ${name}, head ${h.head}`} /> head {h.head}
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
