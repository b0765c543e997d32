import { describe, expect, it } from 'vitest';
import { PANELS, isPanelId, panelDef, type PanelSpec } from './registry';
import { lessonLoaders, loadLesson } from '../lessons/registry';
import { WIDGET_PANELS, widgetOfPanel, panelOfWidget } from '../embed/widgetPanels';
import type { EmbedConfig } from '../embed/params';

// Options are typed per panel id: each line below must stay a type error (tsc checks this file).
// @ts-expect-error an unknown option value
export const badShow: PanelSpec = { panel: 'attention-heatmap', options: { show: 'bogus' } };
// @ts-expect-error a panel without options takes none
export const badCover: PanelSpec = { panel: 'cover', options: { window: 3 } };
// @ts-expect-error an id that is not registered
export const badId: PanelSpec = { panel: 'no-such-panel' };

describe('the panel registry', () => {
  it('has a title and a render function for every id', () => {
    for (const id of Object.keys(PANELS)) {
      expect(isPanelId(id)).toBe(true);
      expect(panelDef(id as keyof typeof PANELS).title.length, id).toBeGreaterThan(0);
    }
    expect(isPanelId('toString')).toBe(false);
    expect(isPanelId('__proto__')).toBe(false);
  });

  it('knows every panel a lesson names', async () => {
    expect(lessonLoaders.size).toBeGreaterThan(10);
    for (const slug of lessonLoaders.keys()) {
      const lesson = await loadLesson(slug);
      for (const step of lesson.steps) for (const p of step.panels ?? []) expect(isPanelId(p.panel), `${slug}: ${p.panel}`).toBe(true);
    }
  });

  it('maps every model-backed embed widget to a panel and back', () => {
    const config = { show: 'scores', step: 3, head: 1, controls: 'min' } as EmbedConfig;
    for (const w of Object.keys(WIDGET_PANELS) as (keyof typeof WIDGET_PANELS)[]) {
      const spec = panelOfWidget(w, config);
      expect(isPanelId(spec.panel)).toBe(true);
      expect(widgetOfPanel({ ...spec })?.widget).toBe(w);
    }
    expect(panelOfWidget('attention-heatmap', config)).toEqual({ panel: 'attention-heatmap', options: { show: 'scores' } });
    expect(widgetOfPanel({ panel: 'attention-heatmap', options: { show: 'scores' } })).toEqual({ widget: 'attention-heatmap', extra: { show: 'scores' } });
    expect(widgetOfPanel({ panel: 'input' })).toBeNull();
  });
});
