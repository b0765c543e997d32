// The references (#/references): the papers the course draws on, and which lessons use each.
import { useEffect } from 'react';
import { REFERENCES } from '../../lessons/references';
import { lessonBySlug } from '../../lessons/catalog';
import './lesson.css';

export function ReferencesPage() {
  useEffect(() => {
    document.title = 'References — Attention Atlas';
  }, []);
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>References</h1>
      <p className="lede">The papers behind the course. The lessons explain their ideas in our own words; go to the source for the details.</p>
      <ol className="references" data-testid="references">
        {REFERENCES.map((r) => (
          <li key={r.id} id={`ref-${r.id}`}>
            <cite>
              <a href={r.url} rel="noopener noreferrer" target="_blank">
                {r.title}
              </a>
            </cite>
            <span className="sr-new-window visually-hidden"> (opens in a new tab)</span>
            <div className="ref-meta">
              {r.authors}. {r.venue}, {r.year}.
            </div>
            <p>{r.why}</p>
            <p className="small-print">
              Used in:{' '}
              {r.lessons.map((slug, i) => {
                const l = lessonBySlug(slug);
                return (
                  <span key={slug}>
                    {i > 0 && ', '}
                    {l ? <a href={`#/learn/${slug}/1`}>{l.title}</a> : slug}
                  </span>
                );
              })}
            </p>
          </li>
        ))}
      </ol>
    </main>
  );
}
