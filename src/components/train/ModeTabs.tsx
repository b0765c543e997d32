// Links between the playground's two modes: explore a trained model, or train one.
import './modeTabs.css';

/** Two links, the current one marked with aria-current. */
export function ModeTabs({ current }: { current: 'explore' | 'train' }) {
  return (
    <nav className="mode-tabs" aria-label="Playground mode" data-testid="playground-modes">
      <a href="#/playground" className="btn" aria-current={current === 'explore' ? 'page' : undefined}>
        Explore a model
      </a>
      <a href="#/playground?mode=train" className="btn" aria-current={current === 'train' ? 'page' : undefined}>
        Train a model
      </a>
    </nav>
  );
}
