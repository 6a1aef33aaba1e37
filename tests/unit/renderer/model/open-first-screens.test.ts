/**
 * Opening a whole book: the model shows the text with the annotations of its first screens before
 * the whole list (megabytes on a book) has arrived, then puts every annotation in; edits made in
 * between, by this window or another writer, are neither lost nor doubled.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FIRST_SCREENS } from '../../../../src/renderer/model/project-loading'
import { ProjectModel } from '../../../../src/renderer/model/project-model'
import { type CountingTransport, type Seeded, seededModel, settle, must } from './session-transport'

let ctx: Seeded
beforeEach(async () => {
  ctx = await seededModel()
})
afterEach(() => ctx.close())


/** A transport whose answers to whole-document `listAnnotations` calls wait until `release()`. */
function holdingWholeLists(): CountingTransport & { release(): void } {
  const { transport } = ctx
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  return {
    ...transport,
    calls: [],
    release: () => release(),
    async call(method, args) {
      const r = await transport.call(method, args)
      if (method === 'listAnnotations' && (args as { end?: number }).end === undefined) await gate
      return r
    }
  }
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await settle(5)
  expect(check()).toBe(true)
}

describe('opening a long document', () => {
  it('shows the text and its first screens\' highlights before the whole list arrives, then all of them', async () => {
    const line = 'The emperor left the city and the regent governed in his name. '
    const bookId = await ctx.importText('book.txt', line.repeat(Math.ceil((3 * FIRST_SCREENS) / line.length)))
    const near = await must(ctx.session.api.createAnnotation({ documentId: bookId, start: 4, end: 11 }))
    const far = await must(ctx.session.api.createAnnotation({ documentId: bookId, start: 2 * FIRST_SCREENS, end: 2 * FIRST_SCREENS + 7 }))
    const held = holdingWholeLists()
    const m2 = new ProjectModel(held)
    const started = m2.start()
    await until(() => m2.documents.size > 0)
    const opening = m2.openDocument(bookId)
    await until(() => m2.open?.doc.id === bookId)
    // The text is there, with the first screens' highlight and not yet the far one.
    expect(m2.open!.doc.text.startsWith('The emperor')).toBe(true)
    expect(m2.open!.complete).toBe(false)
    expect(m2.open!.annotations.all.map((a) => a.id)).toEqual([near.id])
    // Meanwhile this window highlights a passage and another writer one far away.
    const mine = await m2.mutate('createAnnotation', { documentId: bookId, start: 20, end: 28 })
    expect(m2.open!.annotations.get(mine.id)).toBeTruthy()
    const theirs = await must(ctx.session.api.createAnnotation({ documentId: bookId, start: 2 * FIRST_SCREENS + 100, end: 2 * FIRST_SCREENS + 110 }))
    await settle(20)
    held.release()
    await opening
    await started
    await settle(20)
    expect(m2.open!.complete).toBe(true)
    expect(m2.open!.annotations.all.map((a) => a.id).sort()).toEqual([near.id, mine.id, far.id, theirs.id].sort())
    m2.stop()
  })
})

describe('the whole list waits for the first screens', () => {
  it('is asked for only once `beforeWholeList` resolves (the window: its views have painted the first screens)', async () => {
    let painted!: () => void
    const shown = new Promise<void>((r) => (painted = r))
    const calls: { method: string; args: unknown }[] = []
    const transport = { ...ctx.transport, call: (method: never, args: never) => (calls.push({ method, args }), ctx.transport.call(method, args)) }
    const m2 = new ProjectModel(transport, { beforeWholeList: () => shown })
    const started = m2.start()
    await until(() => m2.open?.doc.id === ctx.seedId)
    await settle(30)
    expect(m2.open!.complete).toBe(false)
    const wholeLists = () => calls.filter((c) => c.method === 'listAnnotations' && (c.args as { end?: number }).end === undefined)
    expect(wholeLists()).toEqual([])
    painted()
    await started
    expect(wholeLists()).toHaveLength(1)
    expect(m2.open!.complete).toBe(true)
    m2.stop()
  })
})

describe('switching documents while one is still opening', () => {
  /** Two long books, A with a highlight far into it (so its whole list differs from its first screens), and B. */
  async function twoBooks(): Promise<{ a: string; b: string; farInA: string }> {
    const line = 'The emperor left the city and the regent governed in his name. '
    const text = line.repeat(Math.ceil((3 * FIRST_SCREENS) / line.length))
    const a = await ctx.importText('a.txt', text)
    const b = await ctx.importText('b.txt', 'B ' + text)
    await must(ctx.session.api.createAnnotation({ documentId: a, start: 4, end: 11 }))
    const farInA = (await must(ctx.session.api.createAnnotation({ documentId: a, start: 2 * FIRST_SCREENS, end: 2 * FIRST_SCREENS + 7 }))).id
    await must(ctx.session.api.createAnnotation({ documentId: b, start: 6, end: 13 }))
    return { a, b, farInA }
  }

  it('aborts the reads of the document left, asks for the new one\'s first screens first, and never applies the old list', async () => {
    const { a, b, farInA } = await twoBooks()
    const held = holdingWholeLists()
    const calls: { method: string; args: { documentId?: string; id?: string; end?: number }; signal?: AbortSignal }[] = []
    const transport: CountingTransport = { ...held, call: (method, args, signal) => (calls.push({ method, args: args as never, signal }), held.call(method, args, signal)) }
    const m2 = new ProjectModel(transport)
    const started = m2.start()
    await until(() => m2.documents.size === 3)
    const openingA = m2.openDocument(a)
    await until(() => m2.open?.doc.id === a)
    const wholeOfA = () => calls.filter((c) => c.method === 'listAnnotations' && c.args.documentId === a && c.args.end === undefined)
    await until(() => wholeOfA().length === 1)
    expect(wholeOfA()[0].signal?.aborted).toBe(false)

    const since = calls.length
    const openingB = m2.openDocument(b)
    // The old document's whole list is cancelled as the switch begins, and the switch's first call is its first screens.
    expect(wholeOfA()[0].signal?.aborted).toBe(true)
    expect(calls[since]).toMatchObject({ method: 'getFirstScreens', args: { id: b } })
    await until(() => m2.open?.doc.id === b)
    held.release() // the in-process services answer A's list anyway: the model must not apply it
    await Promise.all([openingA, openingB, started])
    await settle(20)
    expect(m2.open!.doc.id).toBe(b)
    expect(m2.open!.complete).toBe(true)
    expect(m2.open!.annotations.all.every((x) => x.documentId === b)).toBe(true)
    expect(m2.open!.annotations.get(farInA)).toBeUndefined()
    expect(m2.notices).toEqual([]) // a superseded open is no failure to report
    m2.stop()
  })

  it('never asks for the whole list of a document left before its first screens were painted', async () => {
    const { a, b } = await twoBooks()
    let painted!: () => void
    let shown = new Promise<void>((r) => (painted = r))
    const calls: { method: string; args: { documentId?: string; end?: number } }[] = []
    const transport = { ...ctx.transport, call: (method: never, args: never) => (calls.push({ method, args }), ctx.transport.call(method, args)) }
    const m2 = new ProjectModel(transport, { beforeWholeList: () => shown })
    const started = m2.start()
    painted()
    await started
    shown = new Promise<void>((r) => (painted = r))
    const openingA = m2.openDocument(a)
    await until(() => m2.open?.doc.id === a)
    const openingB = m2.openDocument(b)
    await until(() => m2.open?.doc.id === b)
    painted()
    await Promise.all([openingA, openingB])
    expect(calls.filter((c) => c.method === 'listAnnotations' && c.args.documentId === a && c.args.end === undefined)).toEqual([])
    expect(m2.open!.complete).toBe(true)
    m2.stop()
  })
})
