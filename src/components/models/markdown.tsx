// A tiny Markdown subset for the model cards (headings, paragraphs, lists, tables, **bold**,
// `code`), rendered to React elements: text is never injected as HTML, so a card cannot run code.
import type { ReactNode } from 'react';

/** Inline markup: `code` and **bold**; everything else is plain text. */
function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /(`[^`]+`|\*\*[^*]+\*\*)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const tok = m[0];
    out.push(tok.startsWith('`') ? <code key={`${key}-${i++}`}>{tok.slice(1, -1)}</code> : <strong key={`${key}-${i++}`}>{tok.slice(2, -2)}</strong>);
    last = m.index + tok.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** Block structure, line by line. Headings shift down by `shift` levels (a card's # becomes h2). */
export function Markdown({ source, shift = 1 }: { source: string; shift?: number }) {
  const lines = source.split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const key = `b${i}`;
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (!line.trim()) {
      i++;
    } else if (heading) {
      const level = Math.min(6, heading[1].length + shift);
      const Tag = `h${level}` as 'h2';
      blocks.push(<Tag key={key}>{inline(heading[2], key)}</Tag>);
      i++;
    } else if (/^\s*[-*]\s+/.test(line)) {
      const items: ReactNode[] = [];
      while (i < lines.length && /^\s*[-*]\s+/.test(lines[i])) {
        items.push(<li key={`${key}-${items.length}`}>{inline(lines[i].replace(/^\s*[-*]\s+/, ''), `${key}-${items.length}`)}</li>);
        i++;
      }
      blocks.push(<ul key={key}>{items}</ul>);
    } else if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].trim().startsWith('|')) {
        if (!/^\s*\|[\s:|-]+\|\s*$/.test(lines[i])) rows.push(cells(lines[i])); // skip the |---| rule
        i++;
      }
      const [head, ...body] = rows;
      blocks.push(
        <div className="table-scroll" key={key}>
          <table>
            <thead><tr>{head.map((c, j) => <th key={j} scope="col">{inline(c, `${key}h${j}`)}</th>)}</tr></thead>
            <tbody>{body.map((r, k) => <tr key={k}>{r.map((c, j) => <td key={j}>{inline(c, `${key}${k}-${j}`)}</td>)}</tr>)}</tbody>
          </table>
        </div>,
      );
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i].trim() && !/^(#{1,4}\s|\s*[-*]\s|\s*\|)/.test(lines[i])) para.push(lines[i++]);
      blocks.push(<p key={key}>{inline(para.join(' '), key)}</p>);
    }
  }
  return <>{blocks}</>;
}
