/**
 * Opening a long document before all its text has come: the first answer (getFirstScreens) carries
 * only the first screens' part of the text (on Gibbon vol. 2, tens of KB of 2 MB), the model marks
 * the text partial so that nothing takes it for the whole (suggestions, a claim's or source's text
 * for comparison), and the whole text follows once the first screens are shown — before the whole
 * annotation list when that is slower.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FIRST_SCREENS } from '../../../../src/renderer/model/project-loading'
import { ProjectModel, wholeText } from '../../../../src/renderer/model/project-model'
import type { ApiTransport } from '../../../../src/renderer/model/api-transport'
import { type Seeded, seededModel, settle, must } from './session-transport'

let ctx: Seeded
beforeEach(async () => {
  ctx = await seededModel()
})
afterEach(() => ctx.close())

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await settle(5)
  expect(check()).toBe(true)
}

/** A book of paragraphs, three times the first screens long. */
function book(): string {
  const paragraph = 'The emperor left the city and the regent governed in his name for three long years. '.repeat(8).trim()
  return Array.from({ length: Math.ceil((3 * FIRST_SCREENS) / paragraph.length) }, (_, i) => `${i + 1}. ${paragraph}`).join('\n\n') + '\n'
}

/** The session's transport, recording every answer and holding the methods in `held` until released. */
function gated(held: string[]): ApiTransport & { answers: { method: string; value: unknown }[]; release(method: string): void } {
  const gates = new Map(held.map((m) => {
    let open!: () => void
    const p = new Promise<void>((r) => (open = r))
    return [m, { p, open }]
  }))
  const answers: { method: string; value: unknown }[] = []
  return {
    ...ctx.transport,
    answers,
    release: (method) => gates.get(method)!.open(),
    async call(method, args, signal) {
      const r = await ctx.transport.call(method, args, signal)
      const whole = method !== 'listAnnotations' || (args as { end?: number }).end === undefined
      if (whole) await gates.get(method)?.p
      if (r.ok) answers.push({ method, value: r.value })
      return r
    }
  }
}

describe('a long document opens before all its text has come', () => {
  it('gets only the first screens\' text in the first answer, then the whole text, then every annotation', async () => {
    const text = book()
    const bookId = await ctx.importText('book.txt', text)
    const far = await must(ctx.session.api.createAnnotation({ documentId: bookId, start: 2 * FIRST_SCREENS, end: 2 * FIRST_SCREENS + 7 }))
    const transport = gated(['getDocument', 'listAnnotations'])
    const m2 = new ProjectModel(transport)
    const started = m2.start()
    await until(() => m2.documents.size > 0)
    const opening = m2.openDocument(bookId)
    await until(() => m2.open?.doc.id === bookId)

    // The first answer: a prefix of the text, ending at a paragraph's end at or after FIRST_SCREENS.
    const first = transport.answers.find((a) => a.method === 'getFirstScreens' && (a.value as { document: { id: string } }).document.id === bookId)!.value as { text: string; whole: boolean }
    expect(first.whole).toBe(false)
    expect(first.text.length).toBeLessThan(text.length / 2)
    expect(first.text.length).toBeGreaterThanOrEqual(FIRST_SCREENS)
    expect(text.startsWith(first.text)).toBe(true)
    expect(first.text.endsWith('years.')).toBe(true)
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(text).length / 2)

    // Shown at once, marked partial: nothing reads it as the whole text.
    expect(m2.open!.partialText).toBe(true)
    expect(m2.open!.complete).toBe(false)
    expect(m2.open!.doc.text).toBe(first.text)
    expect(m2.open!.doc.length).toBe([...text].length) // the record still says how long the whole is
    expect(wholeText(m2.open)).toBeUndefined()
    const laidOutWith = m2.open!.doc.structure
    let compared = false
    const forComparison = m2.documentText(bookId).then((d) => ((compared = true), d))
    await settle(30)
    expect(compared).toBe(false) // not the first part: it waits for the whole text

    // The whole text comes (the list still on its way): the text is whole, the list not yet.
    transport.release('getDocument')
    await until(() => m2.open?.partialText === false)
    expect(m2.open!.doc.text).toBe(text)
    expect(wholeText(m2.open)).toBe(text)
    expect(m2.open!.complete).toBe(false)
    expect(m2.open!.annotations.get(far.id)).toBeUndefined()
    expect((await forComparison).text).toBe(text)
    // The same version of the text: the structure the view laid out is kept, not held twice.
    expect(m2.open!.doc.structure).toBe(laidOutWith)

    transport.release('listAnnotations')
    await opening
    await started
    await m2.settled()
    expect(m2.open!.complete).toBe(true)
    expect(m2.open!.annotations.get(far.id)).toBeTruthy()
    expect(m2.open!.doc.text).toBe(text)
    expect(m2.open!.doc.structure).toBe(laidOutWith)
    m2.stop()
  })

  it('sends a short text whole in the first answer, and reads it only once', async () => {
    const transport = gated([])
    const m2 = new ProjectModel(transport)
    await m2.start()
    await m2.settled()
    const first = transport.answers.find((a) => a.method === 'getFirstScreens')!.value as { text: string; whole: boolean }
    expect(first.whole).toBe(true)
    expect(m2.open!.partialText).toBe(false)
    expect(m2.open!.doc.text).toBe(first.text)
    expect(m2.open!.complete).toBe(true)
    expect(transport.answers.filter((a) => a.method === 'getDocument')).toEqual([])
    m2.stop()
  })

  it('settled() waits while the text is partial, until the whole text and list are in', async () => {
    const bookId = await ctx.importText('book.txt', book())
    const transport = gated(['getDocument'])
    const m2 = new ProjectModel(transport)
    const started = m2.start()
    await until(() => m2.documents.size > 0)
    void m2.openDocument(bookId)
    await until(() => m2.open?.doc.id === bookId)
    let settled = false
    const waiting = m2.settled().then(() => (settled = true))
    await settle(30)
    expect(settled).toBe(false)
    transport.release('getDocument')
    await waiting
    expect(m2.open!.partialText).toBe(false)
    expect(m2.open!.complete).toBe(true)
    await started
    m2.stop()
  })
})
