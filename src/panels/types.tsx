// What a panel is: a title and a render function from typed options and the place it is shown in.
// Each panel file exports one `definePanel(...)`; registry.ts lists them by id.
import type { ReactNode } from 'react';

/** Where a panel is drawn: a lesson step (and presentation mode), an embed frame, or the playground. */
export type PanelPlace = 'lesson' | 'embed' | 'playground';

export interface PanelContext {
  place: PanelPlace;
  /** Heading level of the figure's own title (2 in an embed, 3 under a lesson step's h2). */
  headingLevel: 2 | 3;
  /** Whether the panel shows its own layer/head picker (off when the page has its own controls). */
  picker: boolean;
  /** The figure's data-testid: `lesson-<name>`, `playground-<name>`, or `embed-panel` in an embed. */
  testId(name: string): string;
}

export interface PanelDef<O extends object> {
  /** The panel's title, shown by the lesson frame (and by the embed button). */
  title: string;
  /** The panel draws its own heading: the lesson frame then hides its title visually. */
  selfTitled?: boolean;
  render(options: O, ctx: PanelContext): ReactNode;
}

/** The options of a panel that takes none: any option named is a type error. */
export type NoOptions = { readonly [option: string]: never };

/** A panel with options `O` (every option optional: a lesson may name none). */
export function definePanel<O extends object = NoOptions>(def: PanelDef<O>): PanelDef<O> {
  return def;
}

/** An illustration drawn from its own data: always ready. */
export const ready = (body: ReactNode): ReactNode => <div data-panel-ready="true">{body}</div>;
