// The glossary and references routes, loaded on demand (they carry KaTeX-rendered prose).
import { lazy, Suspense } from 'react';

const Glossary = lazy(() => import('./GlossaryPage').then((m) => ({ default: m.GlossaryPage })));
const References = lazy(() => import('./ReferencesPage').then((m) => ({ default: m.ReferencesPage })));

function Loading({ title }: { title: string }) {
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>{title}</h1>
      <p role="status">Loading…</p>
    </main>
  );
}

/** #/glossary */
export function LazyGlossaryPage() {
  return (
    <Suspense fallback={<Loading title="Glossary" />}>
      <Glossary />
    </Suspense>
  );
}

/** #/references */
export function LazyReferencesPage() {
  return (
    <Suspense fallback={<Loading title="References" />}>
      <References />
    </Suspense>
  );
}
