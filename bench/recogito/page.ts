/**
 * The comparison page: the same text (the same blocks, as paragraphs) and the same annotations as
 * the Marginalia project, given to @recogito/text-annotator 4.1.1 with its default renderer.
 * `data.json` beside the page holds `{ blocks: string[], annotations: { id, start, end, quote }[] }`,
 * offsets in UTF-16 units of the paragraphs' text run together (Recogito's own unit).
 * Each redraw is recorded, after the frame that shows it, in `window.__painted`.
 */
import { createTextAnnotator, type TextAnnotator } from '@recogito/text-annotator'
import '@recogito/text-annotator/text-annotator.css'

interface Data {
  blocks: string[]
  annotations: { id: string; start: number; end: number; quote: string }[]
}

const w = window as unknown as { __painted: number[]; __anno: TextAnnotator; __ready: Promise<void> }
w.__painted = []

const toRecogito = (a: Data['annotations'][number]) => ({ id: a.id, bodies: [], target: { annotation: a.id, selector: [{ quote: a.quote, start: a.start, end: a.end }] } })

w.__ready = (async () => {
  const data = (await (await fetch('./data.json')).json()) as Data
  const container = document.getElementById('content')!
  for (const text of data.blocks) container.append(Object.assign(document.createElement('p'), { textContent: text }))
  const renderer = new URLSearchParams(location.search).get('renderer') === 'css' ? 'CSS_HIGHLIGHTS' : undefined
  const anno = createTextAnnotator(container, renderer ? { renderer } : {}) as unknown as TextAnnotator
  anno.renderer.on('onRedraw', () => requestAnimationFrame(() => setTimeout(() => w.__painted.push(performance.now()))))
  anno.setAnnotations(data.annotations.map(toRecogito) as never)
  w.__anno = anno
  ;(window as unknown as { __toRecogito: typeof toRecogito }).__toRecogito = toRecogito
})()
