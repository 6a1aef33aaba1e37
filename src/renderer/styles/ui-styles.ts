/** Styles shared by several components: form controls, buttons and tag chips, in the app's palette. */
import { css } from 'lit'

export const controlStyles = css`
  :host {
    --ink: #2b2722;
    --ink-soft: #6b6258;
    --paper: #fffdf9;
    --line: #e3ddd3;
    --accent: #7a3e1d;
    --accent-soft: #f3e7dc;
    --danger: #a3261f;
    --focus: #2f6fce;
  }
  button {
    font: inherit;
    font-size: 0.87rem;
    color: var(--ink);
    background: #fff;
    border: 1px solid var(--line);
    border-radius: 6px;
    padding: 0.3rem 0.7rem;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--accent-soft);
    border-color: #d8c5b3;
  }
  button:disabled {
    color: #b0a89e;
    cursor: default;
  }
  button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: #fff;
  }
  button.primary:hover:not(:disabled) {
    background: #8e4a24;
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
  }
  button.danger {
    color: var(--danger);
  }
  input,
  textarea {
    font: inherit;
    font-size: 0.9rem;
    color: var(--ink);
    background: #fff;
    border: 1px solid var(--line);
    border-radius: 6px;
    padding: 0.35rem 0.5rem;
    box-sizing: border-box;
    width: 100%;
  }
  textarea {
    resize: vertical;
    min-height: 3.2rem;
  }
  :focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 1px;
  }
  label {
    display: block;
    font-size: 0.75rem;
    letter-spacing: 0.03em;
    text-transform: uppercase;
    color: var(--ink-soft);
    margin: 0.5rem 0 0.2rem;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    font-size: 0.78rem;
    line-height: 1.1;
    padding: 0.15rem 0.5rem 0.15rem 0.4rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--tag, #f2c14e) 22%, white);
    border: 1px solid color-mix(in srgb, var(--tag, #f2c14e) 55%, white);
    color: var(--ink);
    white-space: nowrap;
  }
  .chip::before {
    content: '';
    width: 0.55rem;
    height: 0.55rem;
    border-radius: 50%;
    background: var(--tag, #f2c14e);
  }
`

/** A native modal `<dialog>` (Export, Projects): frame, backdrop and heading. Width: `--dialog-width`. */
export const dialogStyles = css`
  dialog { border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.2rem; width: min(var(--dialog-width, 34rem), 94vw); background: var(--paper); color: var(--ink); }
  dialog::backdrop { background: rgb(40 30 20 / 0.35); }
  h2 { margin: 0 0 0.6rem; font-size: 1.1rem; }
`
