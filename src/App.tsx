import { Header } from './components/Header';
import { LazyGalleryPage } from './visualizations/gallery/LazyGallery';
import { HomePage } from './components/HomePage';
import { LessonPage } from './components/LessonPage';
import { ModelsPage } from './components/ModelsPage';
import { LazyGlossaryPage, LazyReferencesPage } from './components/lesson/lazyPages';
import { NotFound } from './components/NotFound';
import { Playground } from './components/playground';
import { useLocation } from './components/useLocation';
import { useApplyTheme } from './components/useTheme';
import { ErrorBoundary } from './components/ErrorBoundary';

export function App() {
  useApplyTheme();
  const { route } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Header />
      {/* A page that throws shows its message in place; the header and other routes keep working. */}
      <ErrorBoundary what="This page" resetKey={JSON.stringify(route)} testId="page-error">
        {route.name === 'home' && <HomePage />}
        {route.name === 'lesson' && <LessonPage slug={route.slug} step={route.step} />}
        {route.name === 'playground' && <Playground />}
        {route.name === 'gallery' && <LazyGalleryPage />}
        {route.name === 'models' && <ModelsPage />}
        {route.name === 'glossary' && <LazyGlossaryPage />}
        {route.name === 'references' && <LazyReferencesPage />}
        {route.name === 'not-found' && <NotFound path={route.path} />}
      </ErrorBoundary>
    </>
  );
}
