// The playground's "Look inside and intervene" section: follow one token through the model, watch
// the prediction form layer by layer, knock out heads, and patch every head from a second input.
import { LivePanel } from '../../panels/LivePanel';
import { PLAYGROUND } from '../../panels/context';

export { LiveInterventionBanner } from '../../panels/interventions';

export function InsideSection() {
  return (
    <section className="iv-section" aria-labelledby="inside-title" data-testid="inside-section">
      <h2 id="inside-title">Look inside and intervene</h2>
      <p className="lede">
        Follow one token through every layer, read the prediction forming with the logit lens, then test what a head does: knock it out, or
        patch it in from a second input and see which head carries the difference.
      </p>
      <div className="pg-grid">
        <div className="pg-col">
          <LivePanel spec={{ panel: 'journey' }} ctx={PLAYGROUND} />
        </div>
        <div className="pg-col">
          <LivePanel spec={{ panel: 'logit-lens' }} ctx={PLAYGROUND} />
          <LivePanel spec={{ panel: 'ablation', options: { banner: false } }} ctx={PLAYGROUND} />
        </div>
      </div>
      <h3>Patching: a clean and a corrupted input</h3>
      <LivePanel spec={{ panel: 'patching' }} ctx={PLAYGROUND} />
    </section>
  );
}
