/** Styles shared by the corpus views: toolbars, result lists, KWIC lines, pictures. */
import { css } from 'lit'

/** Text for screen readers only (a heading or a column's name that the layout shows otherwise). */
export const srOnly = css`.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }`

export const corpusStyles = css`
  :host { display: block; min-height: 0; }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin-bottom: 0.6rem; }
  .bar input[type='search'], .bar input[type='text'] { width: auto; flex: 1 1 12rem; }
  .bar select { font: inherit; font-size: 0.85rem; padding: 0.25rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; max-width: 14rem; }
  .muted { color: var(--ink-soft); font-size: 0.85rem; }
  .error { color: var(--danger); }
  ul.plain { list-style: none; margin: 0; padding: 0; }
  ${srOnly}
  button.passage { display: block; width: 100%; text-align: left; border: none; border-bottom: 1px solid var(--line); border-radius: 0; background: transparent; padding: 0.3rem 0.4rem; }
  button.passage:hover, button.passage:focus-visible { background: var(--accent-soft); }
  mark { background: rgba(232, 126, 4, 0.35); color: inherit; padding: 0 1px; }
  .doc-title { font-weight: 600; margin: 0.8rem 0 0.2rem; font-size: 0.9rem; }
  svg { display: block; max-width: 100%; background: #fffdf9; border: 1px solid var(--line); border-radius: 6px; }
  svg [tabindex]:focus { outline: none; stroke: var(--focus); stroke-width: 3px; }
  svg [tabindex]:focus text { stroke: none; font-weight: 700; }
  .split { display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 0.8rem; align-items: start; }
  h2 { font-size: 0.95rem; margin: 0.6rem 0 0.3rem; }
`
