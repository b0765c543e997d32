export function Placeholder({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <main id="main" className="page" tabIndex={-1}>
      <h1>{title}</h1>
      {children ?? <p>This part of Attention Atlas is being built.</p>}
    </main>
  );
}
