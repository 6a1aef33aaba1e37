/**
 * The component test page: renders one view at a time inside a provider of a FakeModel (the
 * same Lit context the app provides), in real Chromium, served by vite from the sources.
 * Specs drive it through `window.harness`.
 */
import { ContextProvider } from '@lit/context'
import { LitElement, html } from 'lit'
import type { Annotation, Block, DocumentWithText } from '../../../src/shared/model'
import { AnnotationIndex } from '../../../src/renderer/model/annotation-index'
import { modelContext } from '../../../src/renderer/model/model-context'
import type { ProjectModel } from '../../../src/renderer/model/project-model'
import '../../../src/renderer/views/annotation-card'
import '../../../src/renderer/views/annotation-list'
import '../../../src/renderer/views/compare-view'
import '../../../src/renderer/views/document-view'
import '../../../src/renderer/views/entity-detail'
import '../../../src/renderer/views/entity-picker'
import '../../../src/renderer/views/selection-popover'
import '../../../src/renderer/views/citation-picker'
import '../../../src/renderer/views/citation-links'
import { FakeModel, type FakeAnswers } from './fake-model'

class TestProvider extends LitElement {
  readonly provider = new ContextProvider(this, { context: modelContext })
  render() {
    return html`<slot></slot>`
  }
}
customElements.define('test-provider', TestProvider)

/** A document record around `text` (code points) with the given blocks. */
function documentOf(text: string, structure: Block[], title = 'Test document'): DocumentWithText {
  const t = '2026-01-01T00:00:00.000Z'
  return { id: 'doc1', title, format: 'text', role: 'text', sha256: 'x', fileName: 'test.txt', length: [...text].length, structure, metadata: { categories: [] }, created: t, modified: t, text }
}

/** Annotations of doc1 over code points [start, end) of `text`, with ids `a0`, `a1`, … unless given. */
function annotationsOf(text: string, spans: (Partial<Annotation> & { start: number; end: number })[]): Annotation[] {
  const cps = [...text]
  const t = '2026-01-01T00:00:00.000Z'
  return spans.map(({ start, end, ...extra }, i) => ({
    id: `a${i}`, documentId: 'doc1', target: { start, end, exact: cps.slice(start, end).join(''), prefix: '', suffix: '' },
    tags: [], note: '', entityIds: [], citations: [], author: 'test', created: t, modified: t, status: 'anchored', ...extra
  }))
}

const harness = {
  FakeModel,
  AnnotationIndex,
  documentOf,
  annotationsOf,
  model: undefined as FakeModel | undefined,
  /** Events the mounted view dispatched, by type, in order. */
  events: [] as { type: string; detail: unknown }[],
  /** Renders `<tag>` with `props` inside a provider of a new FakeModel; returns the element. */
  mount(tag: string, props: Record<string, unknown>, answers: FakeAnswers = {}, setup?: (m: FakeModel) => void): HTMLElement {
    document.body.replaceChildren()
    const model = (this.model = new FakeModel(answers))
    setup?.(model)
    const provider = document.createElement('test-provider') as TestProvider
    provider.provider.setValue(model as unknown as ProjectModel)
    const el = document.createElement(tag)
    Object.assign(el, props)
    this.events = []
    for (const type of ['annotation-select', 'marginalia-error', 'compare-close', 'entity-linked', 'highlight-submit']) {
      el.addEventListener(type, (e) => this.events.push({ type, detail: (e as CustomEvent).detail }))
    }
    provider.append(el)
    document.body.append(provider)
    return el
  }
}

declare global {
  interface Window {
    harness: typeof harness
  }
}
window.harness = harness
