// Issue 15 in the browser: the course map shows the path, the glossary searches and links to the
// step that teaches a term, a wrong answer links to the step to revisit, and the playground starts
// each shipped model on a well-formed example and names the nearest known words for an unknown one.
import { test, expect } from './console';
import { LESSONS } from '../src/lessons/catalog';

test('the course map shows the order and what each lesson needs; QKV comes before self-attention', async ({ page }) => {
  await page.goto('./#/');
  const links = page.getByTestId('course-map').getByRole('link');
  await expect(links).toHaveCount(LESSONS.length);
  const slugs = LESSONS.map((l) => l.slug);
  expect(slugs.indexOf('query-key-value')).toBeLessThan(slugs.indexOf('self-attention'));
  await expect(page.getByTestId('needs-why-transformers')).toHaveText('Start here.');
  await expect(page.getByTestId('needs-self-attention')).toContainText('Query, key, value');
});

test('the glossary searches, and each entry links to the step that teaches it', async ({ page }) => {
  await page.goto('./#/glossary');
  await page.getByTestId('glossary-search').fill('cache');
  await expect(page.getByTestId('glossary-count')).toContainText('match');
  await page.getByTestId('glossary-link-kv-cache').click();
  await expect(page).toHaveURL(/#\/learn\/training-vs-inference\/5/);
  await expect(page.getByTestId('lesson-step').getByRole('heading', { level: 2 })).toContainText('The KV cache');
});

test('a wrong answer links to the step that addresses it', async ({ page }) => {
  await page.goto('./#/learn/self-attention/7');
  const q = page.getByTestId('question-row-sum');
  await q.locator('label[data-option="1"] input').check(); // "Each column." (data order; shown shuffled)
  await expect(page.getByTestId('feedback-row-sum')).toContainText('Not quite');
  await page.getByTestId('revisit-row-sum').click();
  await expect(page).toHaveURL(/#\/learn\/self-attention\/4/);
});

test('the playground starts the grammar model on a sentence with <bos>, and explains an unknown word', async ({ page }) => {
  await page.goto('./#/playground');
  await page.getByTestId('model-select').selectOption('grammar');
  await expect(page.getByTestId('input-text')).toHaveValue('<bos> the dog that the cats chase runs .', { timeout: 30_000 });
  await page.getByTestId('input-text').fill('<bos> the dogz runs .');
  await expect(page.getByTestId('unknown-notice')).toHaveText(/the word “dogz” \(nearest: “dog”, “dogs”, “[a-z]+”\) was left out\./);
});
