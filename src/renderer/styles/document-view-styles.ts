/** Styles of `<document-view>`: a calm reading page (serif text, generous measure and leading). */
import { css } from 'lit'

export const documentViewStyles = css`
  :host {
    display: block;
    height: 100%;
    min-height: 0;
    --serif: 'Iowan Old Style', 'Palatino Linotype', Palatino, 'Book Antiqua', Georgia, 'Noto Serif', 'Liberation Serif',
      'DejaVu Serif', serif;
  }
  .scroller {
    height: 100%;
    overflow-y: auto;
    scroll-padding: 4rem;
  }
  .empty {
    display: grid;
    place-items: center;
    height: 100%;
    color: #8a8176;
    font-style: italic;
  }
  .page {
    position: relative;
    max-width: 41rem;
    margin: 1.5rem auto 4rem;
    padding: 2.6rem 3.2rem 3.5rem;
    background: #fffdf9;
    border: 1px solid #ebe5da;
    border-radius: 4px;
    box-shadow: 0 1px 3px rgba(60, 45, 30, 0.06);
    font-family: var(--serif);
    font-size: 1.08rem;
    line-height: 1.68;
    color: #27231e;
    hyphens: auto;
  }
  .page:focus {
    outline: none;
  }
  .page:focus-visible {
    box-shadow: 0 0 0 2px rgba(47, 111, 206, 0.45);
  }
  .page.over-highlight {
    cursor: pointer;
  }
  .page ::selection {
    background: rgba(47, 111, 206, 0.25);
  }
  /*
   * The boxes' layer is a layout root of its own (its size comes from inset, not from the boxes):
   * adding a highlight's box lays out that layer, not the page of a whole book around it.
   */
  .overlay {
    position: absolute;
    inset: 0;
    pointer-events: none;
    z-index: 0;
    contain: strict;
  }
  .overlay .box {
    position: absolute;
    border-radius: 2px;
  }
  .overlay .pending {
    background: rgba(47, 111, 206, 0.28);
  }
  .overlay .selected {
    border-bottom: 2px solid rgba(43, 39, 34, 0.75);
  }
  .overlay .hit {
    background: rgba(232, 126, 4, 0.3);
  }
  .overlay .hit-current {
    background: rgba(232, 126, 4, 0.55);
    outline: 2px solid #b35c00;
  }
  .overlay .flash {
    background: rgba(255, 196, 0, 0.85);
  }
  /*
   * Whole books: chunks of text away from the viewport skip layout and paint. Until a chunk has
   * been rendered once (then its real size is remembered), its height is estimated from its
   * lines (--lines, set per chunk from its length).
   */
  .chunk {
    content-visibility: auto;
    contain-intrinsic-block-size: auto calc(var(--lines, 1) * 1.68em);
  }
  /* Not built yet (dom/text-layout.ts): an empty box of the estimated height, not tracked by the browser. */
  .chunk.pending {
    content-visibility: visible;
    block-size: calc(var(--lines, 1) * 1.68em);
  }
  .text [data-b] {
    position: relative;
  }
  /* Highlight boxes under the text: the text stays crisp on top of them, overlaps show darker. */
  .text {
    position: relative;
    z-index: 1;
  }
  .verdict-badges {
    position: absolute;
    inset: 0;
    pointer-events: none;
    z-index: 2;
  }
  .verdict-badge {
    position: absolute;
    font: bold 10px/1 system-ui, sans-serif;
    color: #fff;
    border-radius: 7px;
    padding: 1px 3px;
  }
  /* Words OCR was unsure of (dom/low-confidence-marks.ts): check them against the page image. */
  ::highlight(ocr-unsure) {
    background-color: rgba(214, 96, 60, 0.14);
    text-decoration: underline wavy rgba(190, 60, 40, 0.85);
  }
  /* Page markers (a thin bar where the printed page turns, its label in the margin) and line numbers. */
  .pb {
    border-left: 1.5px solid #c9b9a3;
    margin: 0 1px;
  }
  .pb::before,
  .lb.shown::before {
    content: attr(data-label);
    position: absolute;
    left: -2.9rem;
    width: 2.4rem;
    text-align: right;
    font: 0.7rem/1.9 -apple-system, 'Segoe UI', 'Liberation Sans', Arial, sans-serif;
    color: #9a8f82;
    user-select: none;
  }
  .pb::before {
    content: 'p. ' attr(data-label);
  }
  .has-lines,
  .lg {
    white-space: pre-line;
  }
  h1.doc-title {
    font-size: 1.95rem;
    line-height: 1.2;
    font-weight: 600;
    margin: 0 0 0.6rem;
    letter-spacing: -0.005em;
  }
  h2 {
    font-size: 1.3rem;
    font-weight: 600;
    margin: 2rem 0 0.5rem;
    padding-bottom: 0.2rem;
    border-bottom: 1px solid #ece6dc;
  }
  h3 {
    font-size: 1.12rem;
    font-weight: 600;
    margin: 1.5rem 0 0.4rem;
  }
  h4 {
    font-size: 1rem;
    font-style: italic;
    font-weight: 600;
    margin: 1.2rem 0 0.3rem;
  }
  p {
    margin: 0 0 0.85rem;
  }
  p.plain {
    white-space: pre-wrap;
  }
  p.note {
    font-size: 0.92rem;
    color: #5b5349;
    border-left: 3px solid #e3dacb;
    padding-left: 0.8rem;
  }
  ul {
    margin: 0 0 0.85rem;
    padding-left: 1.4rem;
  }
  ul.categories {
    list-style: none;
    padding: 0;
    margin: 0 0 1.6rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 0.35rem;
    font-family: -apple-system, 'Segoe UI', 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif;
    font-size: 0.74rem;
    line-height: 1.2;
    user-select: none;
  }
  ul.categories li {
    padding: 0.2rem 0.55rem;
    border-radius: 999px;
    background: #f1ece3;
    color: #6b6258;
  }
`
