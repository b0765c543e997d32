// The check for understanding: multiple-choice and click-the-cells questions with immediate
// feedback and an explanation. Reports when every question has been answered correctly.
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { CellsQuestion, ChoiceQuestion, Question } from '../../lessons/types';
import { shuffledOrder, studentSeed } from './shuffle';
import { Prose } from './Prose';
import { CellTable } from './CellTable';
import { parseProse, proseText } from '../../lessons/prose';

/** A plain-text name for an option that contains math (KaTeX's HTML is hidden from assistive tech). */
const nameOf = (text: string) => (parseProse(text).some((s) => s.kind === 'math') ? proseText(text) : undefined);

/** Where a wrong option sends the student back to: the lesson's slug and its step titles. */
export interface QuizLesson {
  slug: string;
  stepTitles: readonly string[];
}

/** A list of questions; `onComplete` fires once all have been answered correctly. */
export function Quiz({ questions, onComplete, lesson }: { questions: readonly Question[]; onComplete?: () => void; lesson?: QuizLesson }) {
  const [correct, setCorrect] = useState<ReadonlySet<string>>(() => new Set());
  const done = questions.every((q) => correct.has(q.id));
  useEffect(() => {
    if (done && questions.length > 0) onComplete?.();
  }, [done, questions.length, onComplete]);
  const solved = (id: string) => setCorrect((s) => (s.has(id) ? s : new Set(s).add(id)));
  return (
    <section className="quiz" aria-label="Check your understanding" data-testid="quiz">
      {questions.map((q, n) =>
        q.kind === 'choice' ? (
          <ChoiceItem key={q.id} q={q} n={n + 1} lesson={lesson} onCorrect={() => solved(q.id)} />
        ) : (
          <CellsItem key={q.id} q={q} n={n + 1} onCorrect={() => solved(q.id)} />
        ),
      )}
      <p className="quiz-status" role="status" data-testid="quiz-status">
        {done ? 'All answered correctly — this lesson’s check is done.' : `${correct.size} of ${questions.length} answered correctly.`}
      </p>
    </section>
  );
}

function ChoiceItem({ q, n, onCorrect, lesson }: { q: ChoiceQuestion; n: number; onCorrect: () => void; lesson?: QuizLesson }) {
  const [chosen, setChosen] = useState<number | null>(null);
  const name = useId();
  // shown order: shuffled per student and question, the same on every visit
  const order = useMemo(() => shuffledOrder(q.options.length, studentSeed(), `${lesson?.slug ?? ''}/${q.id}`), [q.options.length, q.id, lesson?.slug]);
  const option = chosen === null ? undefined : q.options[chosen];
  const right = option?.correct === true;
  const revisit = !right && option?.revisit && lesson ? option.revisit : null;
  return (
    <fieldset className="question" data-testid={`question-${q.id}`}>
      <legend>
        <span className="question-number">{n}.</span> <Prose source={q.prompt} />
      </legend>
      <div className="choices">
        {order.map((i) => [q.options[i], i] as const).map(([o, i]) => (
          <label key={i} className={`choice${chosen === i ? (o.correct ? ' is-right' : ' is-wrong') : ''}`} data-option={i}>
            <input
              type="radio"
              name={name}
              aria-label={nameOf(o.text)}
              checked={chosen === i}
              onChange={() => {
                setChosen(i);
                if (o.correct) onCorrect();
              }}
            />
            <span>
              <Prose source={o.text} />
            </span>
          </label>
        ))}
      </div>
      <div aria-live="polite" data-testid={`feedback-${q.id}`}>
        {option && (
          <Verdict
            right={right}
            explanation={q.explanation}
            revisit={
              revisit && lesson ? (
                <a href={`#/learn/${lesson.slug}/${revisit}`} data-testid={`revisit-${q.id}`}>
                  Revisit step {revisit}: {lesson.stepTitles[revisit - 1]}
                </a>
              ) : null
            }
          >
            {option.feedback && <Prose source={option.feedback} />}
          </Verdict>
        )}
      </div>
    </fieldset>
  );
}

function CellsItem({ q, n, onCorrect }: { q: CellsQuestion; n: number; onCorrect: () => void }) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [checked, setChecked] = useState<null | { missing: number; extra: number }>(null);
  const key = (i: number, j: number) => `${i},${j}`;
  const toggle = (i: number, j: number) => {
    setChecked(null);
    setPicked((s) => {
      const next = new Set(s);
      if (!next.delete(key(i, j))) next.add(key(i, j));
      return next;
    });
  };
  const check = () => {
    let missing = 0;
    let extra = 0;
    q.rows.forEach((_, i) =>
      q.cols.forEach((_, j) => {
        const want = q.answer(i, j);
        const has = picked.has(key(i, j));
        if (want && !has) missing++;
        if (!want && has) extra++;
      }),
    );
    setChecked({ missing, extra });
    if (missing === 0 && extra === 0) onCorrect();
  };
  const right = checked !== null && checked.missing === 0 && checked.extra === 0;
  return (
    <fieldset className="question" data-testid={`question-${q.id}`}>
      <legend>
        <span className="question-number">{n}.</span> <Prose source={q.prompt} />
      </legend>
      <CellTable
        question={q}
        className="cell-quiz"
        caption="Rows are queries, columns are keys. Press a cell to select it."
        corner={
          <th scope="col">
            <span className="axis-note">query ↓ key →</span>
          </th>
        }
        cell={(i, j) => {
          const on = picked.has(key(i, j));
          const verdict = checked ? (q.answer(i, j) === on ? '' : on ? ' cell-extra' : ' cell-missing') : '';
          return (
            <td key={j}>
              <button
                type="button"
                className={`cell-toggle${verdict}`}
                aria-pressed={on}
                aria-label={`query ${q.rows[i]}, key ${q.cols[j]}`}
                data-testid={`cell-${q.id}-${i}-${j}`}
                onClick={() => toggle(i, j)}
              >
                {on ? '×' : ''}
              </button>
            </td>
          );
        }}
      />
      <button type="button" className="btn" onClick={check} data-testid={`check-${q.id}`}>
        Check answer
      </button>
      <div aria-live="polite" data-testid={`feedback-${q.id}`}>
        {checked && (
          <Verdict right={right} explanation={q.explanation}>
            {!right &&
              `${checked.missing} cell${checked.missing === 1 ? '' : 's'} missing, ${checked.extra} selected that should not be (outlined on the grid).`}
          </Verdict>
        )}
      </div>
    </fieldset>
  );
}

/** "✓ Correct." or "✗ Not quite." with what was wrong, and the explanation once right. */
function Verdict({ right, explanation, revisit, children }: { right: boolean; explanation: string; revisit?: ReactNode; children?: ReactNode }) {
  return (
    <div className={right ? 'feedback feedback-right' : 'feedback feedback-wrong'}>
      <p>
        <strong>{right ? '✓ Correct.' : '✗ Not quite.'}</strong> {children}
      </p>
      {revisit && <p>{revisit}</p>}
      {right && (
        <p>
          <Prose source={explanation} />
        </p>
      )}
    </div>
  );
}
