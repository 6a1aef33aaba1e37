/**
 * writeExport writes only into a folder the historian chose (granted main-side) or the project's own
 * exports/ folder; a relative path, any other folder, a `..` escape or a symbolic link out of a
 * granted folder is refused and nothing is written.
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportFolders } from '../../../../src/main/services/export-folders'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { tempDir } from '../../../helpers/temp-dir'

const { dir, cleanup } = tempDir('marginalia-export-folders-')
const folders = new ExportFolders()
let session: ProjectSession
const chosen = join(dir, 'chosen')
const elsewhere = join(dir, 'elsewhere')

beforeAll(async () => {
  session = await ProjectSession.open(join(dir, 'project'), { create: true, exportFolders: folders })
  mkdirSync(chosen)
  mkdirSync(elsewhere)
  symlinkSync(elsewhere, join(chosen, 'link-out'))
  folders.grant(chosen)
})
afterAll(async () => {
  await session.close()
  cleanup()
})

const writeTo = (folder: string) => session.call('writeExport', { format: 'json', folder })

describe('export folders', () => {
  it("writes into the project's exports folder and into a granted folder and its subfolders", async () => {
    expect(await writeTo(join(dir, 'project', 'exports'))).toMatchObject({ ok: true })
    expect(await writeTo(chosen)).toMatchObject({ ok: true })
    expect(await writeTo(join(chosen, 'new', 'deeper'))).toMatchObject({ ok: true })
    expect(readdirSync(join(chosen, 'new', 'deeper'))).toHaveLength(2)
  })

  it('refuses a relative path: never taken relative to the working folder', async () => {
    const r = await writeTo('exports')
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    if (!r.ok) expect(r.error.message).toBe("exports: an export folder must be an absolute path (it is never taken relative to the server's working folder)")
  })

  it('refuses any other folder, a .. escape and a symbolic link out of a granted folder, writing nothing', async () => {
    for (const folder of [elsewhere, join(chosen, '..', 'elsewhere'), join(chosen, 'link-out'), join(chosen, 'link-out', 'sub'), '/', join(dir, 'chosen-sibling')]) {
      const r = await writeTo(folder)
      expect(r, folder).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      if (!r.ok) expect(r.error.message).toMatch(/not a folder chosen for exports/)
    }
    expect(readdirSync(elsewhere)).toEqual([])
    expect(existsSync(join(dir, 'chosen-sibling'))).toBe(false)
  })

  it('grants only absolute folders', () => {
    expect(() => folders.grant('relative/dir')).toThrow(/must be an absolute path/)
    expect(folders.list()).toEqual([chosen])
  })
})
