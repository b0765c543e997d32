import { describe, expect, it } from 'vitest';
import { appUrl, embedUrl, escapeAttr, iframeSnippet } from './snippet';

describe('snippets', () => {
  it('escapes attribute values', () => {
    expect(escapeAttr(`"><script>x</script>&'`)).toBe('&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;&#39;');
  });
  it('builds a sandboxed, lazy, titled iframe for exactly the view', () => {
    const src = embedUrl({ widget: 'attention-heatmap', model: 'dates', text: '"hi"', layer: 1 }, 'https://x.example/atlas/');
    expect(src).toBe('https://x.example/atlas/embed.html?widget=attention-heatmap&model=dates&text=%22hi%22&layer=1');
    const html = iframeSnippet(src, 'Heatmap "A"');
    expect(html).toContain(`src="${src.replace(/&/g, '&amp;')}"`);
    expect(html).toContain('title="Heatmap &quot;A&quot;"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('allow="fullscreen"');
    expect(html).toContain('sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"');
  });
  it('links into the app by hash', () => {
    expect(appUrl('#/learn/masking/2', 'https://x.example/atlas/')).toBe('https://x.example/atlas/#/learn/masking/2');
  });
});
