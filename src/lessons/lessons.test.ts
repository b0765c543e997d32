// Checks every lesson module against the framework's rules: slug and catalog agree, every step
// has prose and speaker notes, glossary links resolve, questions are answerable, panels exist.
import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog';
import { lessonLoaders, loadLesson, slugOfPath } from './registry';
import { termIds, parseProse } from './prose';
import { glossaryEntry, GLOSSARY } from './glossary';
import { stateAtStep, clampStep } from './stepState';
import type { Lesson } from './types';

describe('registry', () => {
  it('derives slugs from file names', () => {
    expect(slugOfPath('./04-self-attention.ts')).toBe('self-attention');
    expect(slugOfPath('./10-decoder-and-cross-attention.tsx')).toBe('decoder-and-cross-attention');
  });
  it('has only modules whose slugs are in the catalog, in catalog order', () => {
    const slugs = LESSONS.map((l) => l.slug);
    for (const slug of lessonLoaders.keys()) expect(slugs).toContain(slug);
    expect(lessonLoaders.has('why-transformers')).toBe(true);
  });
});

describe('glossary', () => {
  it('has unique ids and links only to real lessons', () => {
    const ids = GLOSSARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of GLOSSARY) if (e.lesson) expect(LESSONS.map((l) => l.slug)).toContain(e.lesson);
  });
});

describe('every lesson module', async () => {
  const lessons: Lesson[] = await Promise.all([...lessonLoaders.keys()].map((s) => loadLesson(s)));
  for (const lesson of lessons) {
    describe(lesson.slug, () => {
      it('matches the catalog title and has steps', () => {
        expect(LESSONS.find((l) => l.slug === lesson.slug)?.title).toBe(lesson.title);
        expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      });
      it('gives every step a title, prose and speaker notes', () => {
        for (const s of lesson.steps) {
          expect(s.title.length).toBeGreaterThan(0);
          expect(s.prose.length).toBeGreaterThan(0);
          expect(s.notes.length).toBeGreaterThan(10);
        }
      });
      it('links only to glossary terms that exist and has balanced markup', () => {
        for (const s of lesson.steps) {
          const texts = [...s.prose, s.tryIt ?? '', ...(s.questions ?? []).flatMap((q) => [q.prompt, q.explanation])];
          for (const t of texts) {
            for (const id of termIds(t)) expect(glossaryEntry(id), `${lesson.slug}: [[${id}]]`).toBeDefined();
            // An odd number of $ means an unclosed formula that would show as raw text.
            const dollars = parseProse(t).filter((x) => x.kind === 'text').map((x) => (x.kind === 'text' ? x.text : '')).join('');
            expect(dollars.includes('$'), `${lesson.slug}: stray $ in "${t.slice(0, 60)}"`).toBe(false);
          }
        }
      });
      it('ends with a check whose questions can be answered', () => {
        const last = lesson.steps[lesson.steps.length - 1];
        expect(last.questions?.length ?? 0).toBeGreaterThanOrEqual(2);
        for (const q of lesson.steps.flatMap((s) => s.questions ?? [])) {
          if (q.kind === 'choice') expect(q.options.filter((o) => o.correct).length).toBe(1);
          else {
            let n = 0;
            q.rows.forEach((_, i) => q.cols.forEach((_, j) => (n += q.answer(i, j) ? 1 : 0)));
            expect(n).toBeGreaterThan(0);
          }
        }
      });
      it('has cumulative state', () => {
        const end = stateAtStep(lesson, lesson.steps.length);
        for (const s of lesson.steps) for (const k of Object.keys(s.state ?? {})) expect(k in end).toBe(true);
        expect(clampStep(lesson, 999)).toBe(lesson.steps.length);
        expect(clampStep(lesson, 0)).toBe(1);
      });
    });
  }
});

describe('speaker notes', async () => {
  const lessons: Lesson[] = await Promise.all([...lessonLoaders.keys()].map((s) => loadLesson(s)));
  it('are plain text (no live placeholders, which a speaker window cannot fill)', () => {
    for (const l of lessons) for (const s of l.steps) expect(s.notes, `${l.slug}: ${s.title}`).not.toMatch(/\{\{/);
  });
});
