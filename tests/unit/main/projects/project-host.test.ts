/**
 * The project chooser's host: a mistyped folder is refused (nothing created), creating takes an
 * explicit `create`, a switch keeps the old project open when the new one cannot be opened, every
 * listener hears a switch as a `reload` event with increasing revisions, and opened projects are
 * listed as recent (most recent first) and survive a corrupt recent list.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChangeEvent } from '../../../../src/shared/api'
import { ProjectHost } from '../../../../src/main/projects/project-host'
import { ExportFolders } from '../../../../src/main/services/export-folders'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { tempDir } from '../../../helpers/temp-dir'

const { dir, cleanup } = tempDir('marginalia-project-host-')
const dataDir = join(dir, 'data')
let host: ProjectHost
const events: ChangeEvent[] = []

beforeAll(async () => {
  await (await ProjectSession.open(join(dir, 'first'), { create: true, name: 'First' })).close()
  host = await ProjectHost.start({ dir: join(dir, 'first'), dataDir, appRoot: process.cwd(), exportFolders: new ExportFolders() })
  host.onChange((e) => events.push(e))
})
afterAll(async () => {
  await host.close()
  cleanup()
})

describe('ProjectHost', () => {
  it('refuses to start on a folder that holds no project unless asked to create one', async () => {
    await expect(ProjectHost.start({ dir: join(dir, 'typo'), dataDir, appRoot: process.cwd(), exportFolders: new ExportFolders() }))
      .rejects.toThrow(/no such project folder/)
    expect(existsSync(join(dir, 'typo'))).toBe(false)
  })

  it('refuses a mistyped folder and changes nothing; creates only with create', async () => {
    const missing = await host.call('openProject', { path: join(dir, 'second') })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(existsSync(join(dir, 'second'))).toBe(false)
    expect(host.session.store.dir).toBe(join(dir, 'first'))

    const relative = await host.call('openProject', { path: 'second', create: true })
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })

    const created = await host.call('openProject', { path: join(dir, 'second'), create: true, name: 'Second' })
    expect(created).toEqual({ ok: true, value: { name: 'Second', path: join(dir, 'second'), created: true } })
    expect(existsSync(join(dir, 'second', 'project.json'))).toBe(true)
    expect(host.session.store.dir).toBe(join(dir, 'second'))
    // Calls now reach the new project.
    const info = await host.call('getProjectInfo', {})
    expect(info).toMatchObject({ ok: true, value: { name: 'Second' } })
  })

  it('tells every listener with a reload event whose revision keeps increasing', async () => {
    const before = events.length
    const imported = await host.call('importDocument', { fileName: 'note.txt', contentBase64: Buffer.from('A short note.').toString('base64') })
    expect(imported.ok).toBe(true)
    await host.call('openProject', { path: join(dir, 'first') })
    const switched = events.slice(before).filter((e) => e.reload)
    expect(switched.length).toBe(1)
    expect(events.length - before).toBeGreaterThanOrEqual(2) // the import's event, then the switch
    const revisions = events.map((e) => e.revision)
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b))
    expect(new Set(revisions).size).toBe(revisions.length)
  })

  it('lists opened projects as recent, most recent first, and says which are gone', async () => {
    const overview = await host.call('listProjects', {})
    expect(overview.ok).toBe(true)
    const value = (overview as { value: { current: { path: string }; recent: { path: string; exists: boolean }[]; samplePath: string; canSwitch: boolean } }).value
    expect(value.current.path).toBe(join(dir, 'first'))
    expect(value.recent.map((r) => r.path)).toEqual([join(dir, 'first'), join(dir, 'second')])
    expect(value.recent.every((r) => r.exists)).toBe(true)
    expect(value.samplePath).toBe(join(dataDir, 'Sample.marginalia'))
    expect(value.canSwitch).toBe(true)
  })

  it('keeps the open project when the chosen one cannot be opened', async () => {
    mkdirSync(join(dir, 'not-a-project'))
    writeFileSync(join(dir, 'not-a-project', 'notes.txt'), 'x')
    const r = await host.call('openProject', { path: join(dir, 'not-a-project') })
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/not a Marginalia project/) } })
    expect(host.session.store.dir).toBe(join(dir, 'first'))
  })

  it('reads a corrupt recent list as empty and rewrites it on the next open', async () => {
    writeFileSync(join(dataDir, 'recent-projects.json'), '{ not json')
    expect((await host.recent.list())).toEqual([])
    await host.call('openProject', { path: join(dir, 'second') })
    expect(JSON.parse(readFileSync(join(dataDir, 'recent-projects.json'), 'utf8'))[0].path).toBe(join(dir, 'second'))
  })

  it('a lone session names itself and refuses to switch', async () => {
    const lone = await ProjectSession.open(join(dir, 'lone'), { create: true })
    try {
      expect(await lone.call('listProjects', {})).toMatchObject({ ok: true, value: { canSwitch: false, current: { path: join(dir, 'lone') } } })
      expect(await lone.call('openProject', { path: join(dir, 'first') })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    } finally {
      await lone.close()
    }
  })
})
