/**
 * The views the first screen does not show (later-views.ts: the other side panels, the corpus
 * views, dialogs, the find bar; 60 % of the views' code) load as a chunk of their own, once: after
 * the first screens are painted, or at once when one of them is shown before that. An element
 * rendered before its code has come is upgraded when it comes, with the properties already set.
 */
let loading: Promise<unknown> | undefined

/** Loads the later views (once); resolves when they are registered. */
export function loadLaterViews(): Promise<unknown> {
  return (loading ??= import('./later-views'))
}

