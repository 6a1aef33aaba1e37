/**
 * The first locale-aware comparison in a page (`localeCompare`, `Intl.Collator`) loads ICU's
 * collation data: 10–65 ms in a fresh headless Chromium page at load 5, and 224 ms in one CPU
 * profile of the open (started before the navigation, as `bench/profile-render.ts open` does),
 * where the first render's tag list (`selections.tagNames()`) paid it before the first paint.
 * The window's model calls this once its first read is on its way (window-model.ts), while the
 * window waits for the network (the first answer, the views' chunk), so the render does not.
 * Trade-off: an answer arriving meanwhile waits for it (tens of ms), where the render would have.
 */
export function warmCollation(): void {
  setTimeout(() => 'a'.localeCompare('b'))
}
