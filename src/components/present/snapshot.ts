// A static copy of a drawn step for print: a DOM clone in which canvases become images of their
// pixels, form controls become their current value as text, and anything interactive (buttons,
// tooltips, keyboard grids, ids) is removed. Nothing is parsed from HTML text.

/** Elements a printed page has no use for. */
const DROP = 'button, .lesson-panel-tools, .viz-export, .viz-toolbar, .viz-tooltip, [role=tooltip], input[type=radio], input[type=checkbox], input[type=range], script';

export function staticCopy(article: HTMLElement): HTMLElement {
  const copy = article.cloneNode(true) as HTMLElement;
  // Canvases: the clone's are blank, so each becomes an image of the original's pixels at its drawn size.
  const originals = article.querySelectorAll('canvas');
  copy.querySelectorAll('canvas').forEach((c, i) => {
    const src = originals[i];
    const img = document.createElement('img');
    try {
      img.src = src.toDataURL('image/png');
    } catch {
      return; // a tainted canvas cannot be read: leave it blank
    }
    const box = src.getBoundingClientRect();
    img.alt = src.getAttribute('aria-label') ?? '';
    img.className = c.className;
    img.style.cssText = c.style.cssText;
    img.style.width = `${box.width}px`;
    img.style.height = `${box.height}px`;
    c.replaceWith(img);
  });
  // Form controls: their value as text (a chosen layer, head, typed input).
  const values = Array.from(article.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('select, textarea, input:not([type=radio]):not([type=checkbox]):not([type=range])'));
  copy.querySelectorAll('select, textarea, input:not([type=radio]):not([type=checkbox]):not([type=range])').forEach((el, i) => {
    const v = values[i];
    const span = document.createElement('span');
    span.className = 'handout-value';
    span.textContent = v instanceof HTMLSelectElement ? (v.selectedOptions[0]?.textContent ?? v.value) : v.value;
    el.replaceWith(span);
  });
  copy.querySelectorAll(DROP).forEach((el) => el.remove());
  copy.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
  // A copy is not interactive: no focus stops, no keyboard grids, no duplicate ids.
  for (const el of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    for (const a of ['id', 'tabindex', 'aria-labelledby', 'aria-describedby', 'aria-activedescendant', 'aria-controls']) el.removeAttribute(a);
    const role = el.getAttribute('role');
    if (role === 'grid' || role === 'gridcell' || role === 'row' || role === 'application' || role === 'status' || role === 'timer') el.removeAttribute('role');
  }
  copy.setAttribute('aria-label', article.querySelector('h2')?.textContent ?? 'Step');
  return copy;
}
