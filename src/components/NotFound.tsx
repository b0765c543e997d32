export function NotFound({ path }: { path: string }) {
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>Page not found</h1>
      <p>
        There is nothing at <code>{path}</code>. <a href="#/">Back to the course map</a>.
      </p>
    </main>
  );
}
