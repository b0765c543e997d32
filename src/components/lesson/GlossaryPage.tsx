// The glossary (#/glossary): every term the lessons link to, with the lesson that teaches it.
// `?term=<id>` scrolls to and focuses that entry.
import { useEffect, useId, useState } from 'react';
import { GLOSSARY, searchGlossary } from '../../lessons/glossary';
import { lessonBySlug } from '../../lessons/catalog';
import { Prose } from './Prose';
import { useLocation } from '../useLocation';
import './lesson.css';

export function GlossaryPage() {
  const term = useLocation().params.get('term');
  useEffect(() => {
    document.title = 'Glossary — Attention Atlas';
    if (!term) return;
    const el = document.getElementById(`term-${term}`);
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus();
    }
  }, [term]);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const sorted = searchGlossary(query).sort((a, b) => a.term.localeCompare(b.term));
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>Glossary</h1>
      <p className="lede">The words the course uses, each with the lesson that teaches it. Names follow the paper: dModel, nHeads, dHead, dFF and S.</p>
      <div className="glossary-search" role="search">
        <label htmlFor={searchId}>Search the glossary</label>{' '}
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="glossary-search" placeholder="e.g. cache, norm, <mask>" />
        <p className="small-print" role="status" data-testid="glossary-count">
          {query ? `${sorted.length} of ${GLOSSARY.length} terms match.` : `${GLOSSARY.length} terms.`}
        </p>
      </div>
      <dl className="glossary" data-testid="glossary">
        {sorted.map((e) => {
          const lesson = e.lesson ? lessonBySlug(e.lesson) : undefined;
          return (
            <div key={e.id} className={e.id === term ? 'glossary-entry is-target' : 'glossary-entry'}>
              <dt id={`term-${e.id}`} tabIndex={-1}>
                {e.term}
              </dt>
              <dd>
                <p>
                  <Prose source={e.body} />
                </p>
                {lesson && (
                  <p className="small-print">
                    Taught in{' '}
                    <a href={`#/learn/${lesson.slug}/${e.step ?? 1}`} data-testid={`glossary-link-${e.id}`}>
                      {lesson.title}, step {e.step ?? 1}
                    </a>
                    .
                  </p>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </main>
  );
}
