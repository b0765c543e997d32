// One panel of a lesson step in its figure: title, an "Illustration" or "Live model" badge, the
// Embed button, the panel from the registry (src/panels), and the caption. Presentation mode and
// the `lesson` embed draw steps through this too.
import { Prose } from './Prose';
import type { PanelRef } from '../../lessons/types';
import { PanelEmbedButton } from '../../embed/PanelEmbedButton';
import { LivePanel } from '../../panels/LivePanel';
import { panelDef } from '../../panels/registry';
import { LESSON } from '../../panels/context';

export function LessonFigure({ panelRef }: { panelRef: PanelRef }) {
  const def = panelDef(panelRef.panel);
  return (
    <figure className="lesson-panel" data-testid={`panel-${panelRef.panel}`} data-ready="true">
      <div className="lesson-panel-head">
        <span className={def.selfTitled ? 'visually-hidden' : 'lesson-panel-title'}>{def.title}</span>
        {panelRef.illustration ? (
          <span className="badge badge-illustration" title="Drawn for explanation, not read from a running model">
            Illustration
          </span>
        ) : (
          <span className="badge badge-live" title="Numbers from the model running in your browser">
            Live model
          </span>
        )}
        <PanelEmbedButton panelRef={panelRef} title={def.title} />
      </div>
      <LivePanel spec={panelRef} ctx={LESSON} />
      {panelRef.caption && (
        <figcaption>
          <Prose source={panelRef.caption} />
        </figcaption>
      )}
    </figure>
  );
}
