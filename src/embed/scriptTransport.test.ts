import { describe, expect, it } from 'vitest';
import { bytesOfBase64, modelFileOf } from './scriptTransport';

const base = 'https://x.example/atlas/embed.html?widget=mask';

describe('modelFileOf', () => {
  it('names our model files and the catalog under models/', () => {
    expect(modelFileOf('https://x.example/atlas/models/reverse.safetensors', base)).toBe('reverse.safetensors');
    expect(modelFileOf('models/index.json', base)).toBe('index.json');
  });
  it('leaves every other URL to fetch', () => {
    for (const url of ['https://x.example/atlas/assets/a.js', 'https://evil.example/atlas/models/reverse.safetensors', 'https://x.example/atlas/models/a/b.safetensors', 'https://x.example/atlas/models/reverse.safetensors?x=1', 'https://x.example/atlas/models/reverse.md'])
      expect(modelFileOf(url, base), url).toBeNull();
  });
});

describe('bytesOfBase64', () => {
  it('decodes every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...bytesOfBase64(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
  });
});
