/** Layout of `<marginalia-app>`: toolbar, documents | text | side panel, status line. */
import { css } from 'lit'

export const appStyles = css`
  :host {
    display: grid;
    grid-template-rows: auto auto minmax(0, 1fr) auto;
    grid-template-columns: minmax(0, 1fr); /* never wider than the window */
    height: 100vh;
    overflow: hidden;
    font-family: -apple-system, 'Segoe UI', 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif;
    color: var(--ink);
    background: #f6f3ee;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.45rem 0.9rem;
    background: #fbf9f5;
    border-bottom: 1px solid var(--line);
  }
  .brand {
    font-family: 'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'Liberation Serif', serif;
    font-size: 1.15rem;
    font-weight: 600;
    color: var(--accent);
    margin-right: 0.2rem;
  }
  /* The project's name: a button opening the project chooser. */
  .project {
    color: var(--ink);
    font-size: 0.85rem;
    margin-right: auto;
    max-width: 22rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .project-label {
    color: var(--ink-soft);
  }
  .sep {
    width: 1px;
    align-self: stretch;
    background: var(--line);
    margin: 0.2rem 0.2rem;
  }
  /* Documents | text | resizer | side panel. The side panel's width is the historian's (the
     resizer sets --side-width), never below 16rem nor above half the window. */
  main {
    display: grid;
    grid-template-columns: 14.5rem minmax(0, 1fr) 0.4rem clamp(16rem, var(--side-width, 22.5rem), 50vw);
    grid-template-rows: minmax(0, 1fr);
    min-height: 0;
    min-width: 0;
    overflow: hidden;
  }
  /* Narrower windows (1024 px laptops): give the text most of the room. */
  @media (max-width: 1100px) {
    main {
      grid-template-columns: 11.5rem minmax(0, 1fr) 0.4rem clamp(16rem, var(--side-width, 19rem), 50vw);
    }
  }
  main > * {
    min-width: 0;
  }
  nav.docs {
    overflow-y: auto;
    padding: 0.8rem 0.6rem;
    border-right: 1px solid var(--line);
  }
  reimport-button {
    margin: 1rem 0.6rem 0;
  }
  .heading {
    font-size: 0.72rem;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--ink-soft);
    font-weight: 600;
    margin: 0 0.6rem 0.5rem;
  }
  document-view {
    min-height: 0;
  }
  aside {
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    min-height: 0;
    overflow: hidden;
    border-left: 1px solid var(--line);
    background: #fbf9f5;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap; /* a narrow panel puts its tabs on two lines rather than cutting one off */
    gap: 0.1rem;
    padding: 0.45rem 0.6rem 0;
    border-bottom: 1px solid var(--line);
  }
  [role='tab'] {
    border: 0;
    border-radius: 6px 6px 0 0;
    background: transparent;
    padding: 0.4rem 0.65rem;
    font-size: 0.85rem;
    color: var(--ink-soft);
    border-bottom: 2px solid transparent;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--ink);
    font-weight: 600;
    border-bottom-color: var(--accent);
  }
  [role='tabpanel'] {
    overflow-y: auto;
    padding: 0.9rem 0.9rem 1.5rem;
    min-height: 0;
  }
  .missing {
    color: var(--ink-soft);
    font-size: 0.9rem;
  }
  footer {
    display: flex;
    gap: 1.2rem;
    align-items: center;
    padding: 0.3rem 0.9rem;
    font-size: 0.78rem;
    color: var(--ink-soft);
    border-top: 1px solid var(--line);
    background: #fbf9f5;
  }
  footer .notice {
    margin-left: auto;
    color: var(--ink);
  }
  kbd {
    font-family: inherit;
    font-size: 0.72rem;
    padding: 0 0.25rem;
    border: 1px solid var(--line);
    border-bottom-width: 2px;
    border-radius: 3px;
    background: #fff;
  }
  input[type='file'] {
    display: none;
  }
`
