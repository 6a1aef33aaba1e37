/**
 * The order of the open. The window's entry starts the model before the views' code has loaded
 * (main.ts), and the shell calls `start()` again when it connects: the project is read once, not
 * twice, and an edit made while that first read is under way is shown once, whoever subscribed
 * first. The document's reads are asked before the project's other lists (a browser gives one
 * server six connections, one of them the event stream), and an edit made while those lists are
 * read after the document is applied once. The document comes in one call (getFirstScreens) that does not
 * wait for the document list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectModel } from '../../../../src/renderer/model/project-model'
import { type Seeded, seededModel, sessionTransport, settle } from './session-transport'

let ctx: Seeded

beforeEach(async () => {
  ctx = await seededModel()
})
afterEach(() => ctx.close())

describe('a model started early', () => {
  it('reads the project once when started by the entry and again by the shell', async () => {
    const transport = sessionTransport(ctx.session, 2)
    const m = new ProjectModel(transport)
    const early = m.start() // the entry, before the views load
    const shell = m.start() // the shell, on connect
    await Promise.all([early, shell])
    expect(transport.calls.filter((c) => c === 'getFirstScreens')).toHaveLength(1)
    expect(transport.calls.filter((c) => c === 'listDocuments')).toHaveLength(1)
    expect(m.open?.doc.id).toBe(ctx.seedId)
    // Once stopped (the shell left the page), a new start reads again.
    m.stop()
    await m.start()
    expect(transport.calls.filter((c) => c === 'listDocuments')).toHaveLength(2)
    m.stop()
  })

  it('shows once an edit made while the document is read, to a view that subscribed after the start', async () => {
    const transport = sessionTransport(ctx.session, 2)
    let edited = false
    const call = transport.call.bind(transport)
    transport.call = async (method, args) => {
      const r = await call(method, args)
      if (method === 'getFirstScreens' && !edited) {
        edited = true // another writer highlights while this window reads the document
        const made = await ctx.session.api.createAnnotation({ documentId: ctx.seedId, start: 10, end: 20 })
        if (!made.ok) throw new Error(made.error.message)
        await settle(15) // its event reaches the window before this read's answer
      }
      return r
    }
    const m = new ProjectModel(transport)
    const started = m.start() // the entry
    const heard: string[] = []
    m.subscribe((s) => heard.push(...s)) // the shell, once its code has loaded
    await m.start()
    await started
    await settle(30)
    expect(edited).toBe(true)
    const at10 = m.open!.annotations.all.filter((a) => a.target.start === 10 && a.target.end === 20)
    expect(at10).toHaveLength(1)
    expect(heard).toContain('annotations')
    m.stop()
  })

  it('asks for the document before the other lists, and applies once an edit made while the lists are read', async () => {
    const transport = sessionTransport(ctx.session, 2)
    let edited = false
    const call = transport.call.bind(transport)
    transport.call = async (method, args) => {
      const r = await call(method, args)
      if (method === 'listTags' && !edited) {
        edited = true // the document was read; another writer highlights before the lists are in
        const made = await ctx.session.api.createAnnotation({ documentId: ctx.seedId, start: 30, end: 40 })
        if (!made.ok) throw new Error(made.error.message)
        await settle(15)
      }
      return r
    }
    const m = new ProjectModel(transport)
    await m.start()
    await settle(30)
    // One call brings the document and its first screens; the document list and the others follow its answer.
    expect(transport.calls[0]).toBe('getFirstScreens')
    expect(transport.calls).not.toContain('getDocument')
    expect(transport.calls.indexOf('listDocuments')).toBeGreaterThan(0)
    expect(transport.calls.indexOf('getProjectInfo')).toBeGreaterThan(0)
    expect(edited).toBe(true)
    expect(m.open!.annotations.all.filter((a) => a.target.start === 30 && a.target.end === 40)).toHaveLength(1)
    m.stop()
  })

  it("shows the document before the document list has arrived (every document's structure: 1.4 MB for ten books)", async () => {
    const transport = sessionTransport(ctx.session, 2)
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const call = transport.call.bind(transport)
    transport.call = async (method, args) => {
      const r = await call(method, args)
      if (method === 'listDocuments') await gate
      return r
    }
    const m = new ProjectModel(transport)
    const started = m.start()
    for (let i = 0; i < 200 && !m.open; i++) await settle(5)
    expect(m.open?.doc.id).toBe(ctx.seedId)
    expect(m.open?.doc.text.length).toBeGreaterThan(1000)
    expect(m.documents.size).toBe(0) // the list is still on its way
    release()
    await started
    expect([...m.documents.keys()]).toEqual([ctx.seedId])
    expect(m.open?.complete).toBe(true)
    m.stop()
  })
})
