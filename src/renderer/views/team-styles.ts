/** Styles shared by the Team tab's views (team-*.ts). */
import { css } from 'lit'

export const teamStyles = css`
  :host {
    display: block;
    font-size: 0.85rem;
  }
  section {
    margin: 0 0 1rem;
  }
  h3 {
    margin: 0 0 0.4rem;
    font-size: 0.9rem;
  }
  label {
    display: block;
    margin: 0.25rem 0;
  }
  input[type='text'],
  input[type='password'],
  input:not([type]),
  textarea {
    width: 100%;
    box-sizing: border-box;
  }
  .row {
    display: flex;
    gap: 0.4rem;
    flex-wrap: wrap;
    margin-top: 0.35rem;
  }
  .muted,
  p.status {
    color: var(--ink-soft);
    font-size: 0.78rem;
    margin: 0.3rem 0;
  }
  .sides {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.4rem;
  }
  .side {
    border: 1px solid var(--line);
    border-radius: 6px;
    padding: 0.35rem 0.45rem;
    overflow-wrap: anywhere;
  }
  .side h4 {
    margin: 0 0 0.25rem;
    font-size: 0.78rem;
    color: var(--ink-soft);
  }
  .item {
    border-top: 1px solid var(--line);
    padding: 0.5rem 0;
  }
  dl {
    margin: 0;
  }
  dt {
    font-weight: 600;
    font-size: 0.75rem;
  }
  dd {
    margin: 0 0 0.2rem;
  }
  .differs {
    background: #fff3d6;
  }
`
