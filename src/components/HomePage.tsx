import { LESSONS } from '../lessons/catalog';

/** The course map: every lesson in order, each a link to its first step. */
export function HomePage() {
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>Watch a transformer think</h1>
      <p className="lede">
        A real transformer runs in your browser. Type any input and follow every number it computes — from
        embeddings through attention to the next token.
      </p>
      <h2>The course</h2>
      <ol className="course-map" data-testid="course-map">
        {LESSONS.map((l) => (
          <li key={l.slug}>
            <a href={`#/learn/${l.slug}/1`}>
              <strong>{l.title}</strong>
              <span>{l.summary}</span>
            </a>
          </li>
        ))}
      </ol>
    </main>
  );
}
