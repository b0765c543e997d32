// Lesson 12, training: teacher forcing on the live model. The decoder reads the target shifted
// right (<bos> first) and, in one forward pass, predicts the next token at every position; the
// loss compares each prediction with the token the teacher feeds next.
import { useMemo } from 'react';
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo, useTraceTensor } from '../../../store/selectors';
import { tracePath } from '../../../model/trace';
import type { IntTensor, Tensor } from '../../../model/tensor';
import { LiveState } from '../../../panels/LiveState';
import { fmt, useStackPieces } from './stats';
import { WidgetTable } from './WidgetTable';
import './widgets.css';

const show = (p: string) => (p === ' ' ? '␣' : p);

export function TeacherForcing() {
  const info = useAtlas(selectModelInfo);
  const argmax = useTraceTensor<IntTensor>(tracePath.head('argmax')); // [T]
  const probs = useTraceTensor<Tensor>(tracePath.head('probs')); // [T, V]
  const tgt = useStackPieces('decoder');
  const ready = !!info && !!argmax && !!probs && tgt.length > 0 && argmax.shape[0] === tgt.length;
  const rows = useMemo(() => {
    if (!ready || !info || !argmax || !probs) return [];
    const V = probs.shape[1];
    return tgt.map((reads, t) => {
      const predicted = argmax.data[t];
      // the next token the teacher feeds; after the last one, the <eos> the trainer appends to the targets
      const teacher = t + 1 < tgt.length ? tgt[t + 1] : info.vocab.includes('<eos>') ? '<eos>' : null;
      const teacherId = teacher === null ? -1 : info.vocab.indexOf(teacher);
      const pTeacher = teacherId >= 0 ? probs.data[t * V + teacherId] : null;
      return { reads, writes: info.vocab[predicted] ?? String(predicted), pWrites: probs.data[t * V + predicted], teacher, pTeacher };
    });
  }, [ready, info, argmax, probs, tgt]);
  const scored = rows.filter((r) => r.teacher !== null);
  const hits = scored.filter((r) => r.teacher === r.writes).length;
  const loss = scored.length ? scored.reduce((s, r) => s - Math.log(Math.max(1e-12, r.pTeacher ?? 0)), 0) / scored.length : 0;
  return (
    <LiveState ready={ready}>
      {ready && (
        <div data-testid="teacher-forcing" data-hits={hits} data-scored={scored.length}>
          <p>
            One forward pass, {rows.length} positions at once: {rows.length - 1} target tokens and then {'<eos>'} make {scored.length} predictions. At {hits} of them the model’s most likely token is exactly the one the teacher feeds next. Mean cross-entropy over those positions:{' '}
            <span className="mono" data-testid="tf-loss">
              {fmt(loss, 3)}
            </span>
            .
          </p>
          <WidgetTable
            label="Table of teacher-forced predictions"
            caption="Rows are decoder positions (queries). “Teacher feeds next” is the target token one place to the right (after the last one, the end token)."
            cols={['position', 'decoder reads', 'model predicts (p)', 'teacher feeds next', 'p(teacher’s token)', 'match']}
          >
            {rows.map((r, t) => (
              <tr key={t} data-testid={`tf-row-${t}`}>
                <td className="mono">{t}</td>
                <td className="mono">{show(r.reads)}</td>
                <td className="mono">
                  {show(r.writes)} ({fmt(r.pWrites)})
                </td>
                <td className="mono">{r.teacher === null ? '— (end of input)' : show(r.teacher)}</td>
                <td className="mono">{r.pTeacher === null ? '—' : fmt(r.pTeacher)}</td>
                <td>{r.teacher === null ? '—' : r.teacher === r.writes ? <span className="widget-ok">✓ yes</span> : '✗ no'}</td>
              </tr>
            ))}
          </WidgetTable>
        </div>
      )}
    </LiveState>
  );
}
