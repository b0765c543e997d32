import { ThemeToggle } from './ThemeToggle';

export function Header() {
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <span aria-hidden="true" className="brand-mark" />
        Attention Atlas
      </a>
      <nav aria-label="Main">
        <ul className="nav-list">
          <li><a href="#/">Course</a></li>
          <li><a href="#/playground">Playground</a></li>
          <li><a href="#/gallery">Gallery</a></li>
        </ul>
      </nav>
      <ThemeToggle />
    </header>
  );
}
