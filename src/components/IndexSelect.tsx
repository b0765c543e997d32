// A labelled select of the indices 0…count−1 (a layer or a head), shared by every layer/head picker.
export function IndexSelect({ label, count, value, testId, onChange }: { label: string; count: number; value: number; testId: string; onChange: (i: number) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} data-testid={testId} onChange={(e) => onChange(Number(e.target.value))}>
        {Array.from({ length: Math.max(0, count) }, (_, i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
    </label>
  );
}
