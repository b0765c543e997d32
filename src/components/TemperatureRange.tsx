// The store's sampling temperature as a slider (0.1…3), shared by the playground and lesson 11.
import { useAtlas } from '../store/atlas';

export function TemperatureRange({ testId }: { testId: string }) {
  const temperature = useAtlas((s) => s.temperature);
  return (
    <input type="range" min={0.1} max={3} step={0.1} value={temperature} data-testid={testId} onChange={(e) => useAtlas.getState().setTemperature(Number(e.target.value))} />
  );
}
