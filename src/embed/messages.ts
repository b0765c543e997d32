// Talking to the page that embeds us: the frame's height in the formats hosts understand (a JSON
// string with context "iframe.resize", and LTI's {subject:"lti.frameResize"}), and the few messages
// we accept, each checked for source (our parent), origin (the parent's, "null" when sandboxed) and shape.

/** The two resize messages, in the order they are posted. */
export function resizeMessages(height: number): [string, { subject: 'lti.frameResize'; height: number }] {
  const h = Math.max(0, Math.ceil(height));
  return [JSON.stringify({ context: 'iframe.resize', height: h }), { subject: 'lti.frameResize', height: h }];
}

/** A message a host may send us. */
export type HostMessage = { type: 'atlas.requestHeight' } | { type: 'atlas.setTheme'; theme: 'light' | 'dark' | 'auto' };

/** What acceptMessage needs to know about the frame. */
export interface FrameContext {
  /** window.parent (equal to window itself when not framed). */
  parent: unknown;
  self: unknown;
  /** The parent's origin when known (location.ancestorOrigins or the referrer), else null. */
  parentOrigin: string | null;
}

/**
 * A host message, or null when the message is not from our parent, comes from another origin than the
 * parent's, or has any other shape. Strings are parsed as JSON (some hosts send strings only).
 */
export function acceptMessage(event: { source: unknown; origin: string; data: unknown }, ctx: FrameContext): HostMessage | null {
  if (ctx.parent === ctx.self || event.source !== ctx.parent) return null;
  if (ctx.parentOrigin !== null && event.origin !== ctx.parentOrigin) return null;
  let data = event.data;
  if (typeof data === 'string') {
    if (data.length > 1000) return null;
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  if (d.type === 'atlas.requestHeight') return { type: 'atlas.requestHeight' };
  if (d.type === 'atlas.setTheme' && (d.theme === 'light' || d.theme === 'dark' || d.theme === 'auto')) return { type: 'atlas.setTheme', theme: d.theme };
  return null;
}

/** The parent's origin as far as the frame can tell (never throws). */
export function parentOriginOf(win: Window): string | null {
  try {
    const ancestors = win.location.ancestorOrigins;
    if (ancestors && ancestors.length > 0) return ancestors[0];
  } catch {
    /* not available */
  }
  try {
    if (win.document.referrer) return new URL(win.document.referrer).origin;
  } catch {
    /* no referrer */
  }
  return null;
}

/**
 * Posts the frame's height to the parent whenever `el` changes size. Returns a stop function and a
 * function that posts the current height at once.
 */
export function startAutoHeight(el: HTMLElement, win: Window = window): { stop: () => void; post: () => void } {
  let last = -1;
  const measure = () => Math.ceil(el.getBoundingClientRect().height);
  const post = (force = false) => {
    const h = measure();
    if (!force && h === last) return;
    last = h;
    if (win.parent === win) return; // not framed: nobody to tell
    // The height is not a secret: any parent may read it ('*'), as hosts do not tell us their origin.
    for (const msg of resizeMessages(h)) win.parent.postMessage(msg, '*');
  };
  const observer = new ResizeObserver(() => post());
  observer.observe(el);
  // A browser skips rendering (and so ResizeObserver) in a cross-origin frame out of view; a change
  // of the widget's DOM still triggers a measure, so the host can reserve the height before the
  // reader scrolls there (no jump).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const mutations = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => post(), 150);
  });
  mutations.observe(el, { childList: true, subtree: true, attributes: true, characterData: true });
  post(true);
  return {
    stop: () => {
      observer.disconnect();
      mutations.disconnect();
      clearTimeout(timer);
    },
    post: () => post(true),
  };
}
