// Checks every lesson module against the framework's rules: slug and catalog agree, every step
// has prose and speaker notes, glossary links resolve, questions are answerable, panels exist.
import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog';
import { lessonLoaders, loadLesson, slugOfPath } from './registry';
import { termIds, parseProse } from './prose';
import { glossaryEntry, GLOSSARY } from './glossary';
import { stateAtStep, clampStep } from './stepState';
import type { Lesson } from './types';
import { missingControls, stepControls } from './controls';

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

describe('glossary steps', async () => {
  const lessons = new Map((await Promise.all([...lessonLoaders.keys()].map((s) => loadLesson(s)))).map((l) => [l.slug, l]));
  it('every entry links to the step that teaches it: that step links the term', () => {
    for (const e of GLOSSARY) {
      expect(e.lesson, e.id).toBeDefined();
      const l = lessons.get(e.lesson!)!;
      expect(e.step, e.id).toBeGreaterThanOrEqual(1);
      const s = l.steps[e.step! - 1];
      expect(s, `${e.id}: step ${e.step} of ${e.lesson}`).toBeDefined();
      expect([...s.prose, s.tryIt ?? ''].some((t) => termIds(t).includes(e.id)), `${e.id}: step ${e.step} of ${e.lesson} does not link [[${e.id}]]`).toBe(true);
    }
  });
  it('has the terms the issue found missing', () => {
    for (const id of ['decoder', 'kv-cache', 'exposure-bias', 'induction-head', 'greedy-decoding', 'pre-norm', 'post-norm', 'cross-entropy', 'bpe', 'bos', 'eos', 'pad', 'mask-token', 'swiglu'])
      expect(glossaryEntry(id), id).toBeDefined();
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

describe('every Try-it is doable on its step', async () => {
  const lessons: Lesson[] = await Promise.all([...lessonLoaders.keys()].map((s) => loadLesson(s)));
  it('the check catches a Try-it whose control is missing (it can fail)', () => {
    const step = { title: 't', prose: ['p'], notes: 'notes here', tryIt: 'Type your own sentence and watch the heatmap.', panels: [{ panel: 'matrix' as const }] };
    expect(missingControls(step)).toEqual(['text-input', 'heatmap']);
    expect(missingControls({ ...step, panels: [{ panel: 'input' as const }, { panel: 'attention-heatmap' as const }] })).toEqual([]);
  });
  for (const l of lessons) {
    it(`${l.slug}: each Try-it names only controls and figures its step has`, () => {
      l.steps.forEach((s, i) => expect(missingControls(s), `${l.slug} step ${i + 1}: "${s.tryIt}"`).toEqual([]));
    });
    it(`${l.slug}: a mention of the model card links to it`, () => {
      l.steps.forEach((s, i) => {
        const text = [...s.prose, s.tryIt ?? ''].join(' ');
        if (/model card/i.test(text)) expect(stepControls(s).has('model-card-link'), `${l.slug} step ${i + 1}`).toBe(true);
      });
    });
  }
});

describe('no template placeholder ever renders', async () => {
  const lessons: Lesson[] = await Promise.all([...lessonLoaders.keys()].map((s) => loadLesson(s)));
  // Every text a learner sees, parsed as the renderer parses it: a {{…}} left in a text or code
  // segment would show raw (a live value works only outside code and inside $…$).
  const visible = (t: string) => parseProse(t).flatMap((s) => (s.kind === 'text' || s.kind === 'code' || s.kind === 'strong' || s.kind === 'link' ? [s.text] : []));
  it('catches a placeholder inside code (it can fail)', () => {
    expect(visible('The model, `{{model}}`, …').join('')).toContain('{{');
    expect(visible('The model, {{model}}, …').join('')).not.toContain('{{');
  });
  for (const l of lessons) {
    it(l.slug, () => {
      l.steps.forEach((s, i) => {
        const texts = [...s.prose, s.tryIt ?? '', ...(s.panels ?? []).map((p) => p.caption ?? ''),
          ...(s.questions ?? []).flatMap((q) => [q.prompt, q.explanation, ...(q.kind === 'choice' ? q.options.flatMap((o) => [o.text, o.feedback ?? '']) : [])])];
        for (const t of texts) for (const v of visible(t)) expect(v, `${l.slug} step ${i + 1}`).not.toMatch(/\{\{|\}\}/);
      });
    });
  }
});

describe('checks for understanding', async () => {
  const lessons: Lesson[] = await Promise.all([...lessonLoaders.keys()].map((s) => loadLesson(s)));
  for (const l of lessons) {
    it(`${l.slug}: every wrong option says why and links to a step of the lesson`, () => {
      for (const q of l.steps.flatMap((s) => s.questions ?? [])) {
        if (q.kind !== 'choice') continue;
        expect(q.options.length, `${l.slug}/${q.id}`).toBeGreaterThanOrEqual(3);
        for (const o of q.options.filter((x) => !x.correct)) {
          expect(o.feedback, `${l.slug}/${q.id}: "${o.text}"`).toBeTruthy();
          expect(o.revisit, `${l.slug}/${q.id}: "${o.text}" needs revisit`).toBeGreaterThanOrEqual(1);
          expect(o.revisit!, `${l.slug}/${q.id}`).toBeLessThanOrEqual(l.steps.length);
        }
      }
    });
    it(`${l.slug}: has a predict-then-reveal on a live figure`, () => {
      const guesses = l.steps.flatMap((s) => (s.panels ?? []).filter((p) => p.panel === 'guess'));
      expect(guesses.length).toBeGreaterThanOrEqual(1);
      for (const g of guesses) {
        expect(g.illustration).not.toBe(true);
        expect(g.options?.lesson).toBe(l.slug);
        expect(typeof g.options?.id).toBe('string');
      }
    });
  }
  it('most choice questions have four options', () => {
    const qs = lessons.flatMap((l) => l.steps.flatMap((s) => s.questions ?? [])).filter((q) => q.kind === 'choice');
    const four = qs.filter((q) => q.kind === 'choice' && q.options.length >= 4).length;
    expect(four / qs.length).toBeGreaterThanOrEqual(0.75);
  });
});
