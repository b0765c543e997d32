import { describe, expect, it } from 'vitest';
import { shouldPrecache } from './vite-plugin-offline';

describe('offline precache list', () => {
  it('keeps the sample embed host page (and its script) for offline use, not the test host', () => {
    expect(shouldPrecache('embed-host.html')).toBe(true);
    expect(shouldPrecache('embed-host.js')).toBe(true);
    expect(shouldPrecache('embed.html')).toBe(true);
    expect(shouldPrecache('embed-host-test.html')).toBe(false);
    expect(shouldPrecache('sw.js')).toBe(false);
    expect(shouldPrecache('assets/index-abc.js.map')).toBe(false);
  });
});
