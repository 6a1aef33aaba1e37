/**
 * The team domain over the open project: agreement tables (pure, src/shared/team/agreement), git
 * sync and merges (src/main/git), conflict review, curation and history. Writes go through the
 * store, so each is one undoable edit that emits a change event.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { HandlersOf } from '../../shared/api/define'
import type { teamMethods } from '../../shared/api/team'
import type { ProjectData } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { agreementCsv, computeAgreement } from '../../shared/team/agreement/report'
import { disputedSpans, planAcceptIntoCuration } from '../../shared/team/curation'
import { makePerson } from '../../shared/team/person'
import { applyToStore, readLayoutFolder, writeLayoutFolder } from '../git/layout-folder'
import { writeFileAtomic } from '../store/atomic-write'
import { saveDefaultAuthor } from './author-config'
import { unstamped } from './authorship-store'
import type { ServiceContext } from './context'
import { ExportFolders } from './export-folders'

/** `agreement-<document>-<tag|type>.csv`, with what of the id no file system takes (`:` `~` `@` …) as `_`. */
const csvName = (a: { documentId: string; by: string }) => `agreement-${a.documentId.replace(/[^A-Za-z0-9_.-]/g, '_')}-${a.by}.csv`

// isomorphic-git is loaded on first use, so opening a project (and every CLI command) does not pay for it.
const history = () => import('../git/history')
const sync = () => import('../git/sync')
const mergeFolder = () => import('../git/merge-folder')

/** `folders`: where `writeAgreementCsv` may write (the grants `writeExport` uses). */
export function createTeamHandlers(ctx: ServiceContext, folders = new ExportFolders()): HandlersOf<typeof teamMethods> {
  // Sync and merges write each record as the merge made it, with the authorship either side gave it.
  const store = unstamped(ctx.store)
  const author = () => ({ name: ctx.person.name })
  const report = (args: { documentId: string; by: 'tag' | 'type'; raters?: string[] }) => {
    const doc = store.data.documents[args.documentId]
    if (!doc) throw new MarginaliaError('not-found', `no document with id ${args.documentId}`)
    return computeAgreement({ documentId: doc.id, length: doc.length, annotations: Object.values(store.data.annotations), entities: store.data.entities, by: args.by, raters: args.raters })
  }
  const target = (a: { annotationId?: string; documentId?: string }) => {
    if (!a.annotationId === !a.documentId) throw new MarginaliaError('invalid-argument', 'give exactly one of annotationId or documentId')
    return a.annotationId ? { annotationId: a.annotationId } : { documentId: a.documentId! }
  }
  return {
    agreement: (args) => report(args),
    agreementCsv: (args) => ({ fileName: csvName(args), content: agreementCsv(report(args)) }),
    writeAgreementCsv: async ({ folder, ...args }) => {
      const dir = await folders.check(folder, store.dir) // refused before any work
      const content = agreementCsv(report(args))
      const path = join(dir, csvName(args))
      try {
        await mkdir(dir, { recursive: true })
        await writeFileAtomic(path, content)
      } catch (err) {
        throw new MarginaliaError('io', `could not write the agreement table into ${dir}: ${(err as Error).message}`)
      }
      return { path }
    },
    syncProject: async ({ remote, message, username, password }) =>
      (await sync()).syncProject(store, {
        author: author(), remote, message,
        onAuth: () => (username !== undefined || password !== undefined ? { username, password } : { cancel: true })
      }),
    mergeFromFolder: async ({ path }) => {
      const r = await (await mergeFolder()).mergeFolder(store, path, author())
      return { saved: r.saved, pulled: 'merge', changedRecords: r.changedRecords, conflicts: r.conflicts, pushed: false }
    },
    listMergeConflicts: async () => (await sync()).pendingConflicts(store.dir),
    resolveMergeConflict: async ({ key, choice, record }) => {
      if (choice === 'combined' && !record) throw new MarginaliaError('invalid-argument', 'choice "combined" needs the combined record')
      return (await sync()).resolvePending(ctx.store, key, choice === 'combined' ? { record } : choice, ctx.now())
    },
    listDisputedSpans: ({ documentId }) => disputedSpans(Object.values(store.data.annotations), documentId),
    acceptIntoCuration: async ({ annotationId }) => {
      let plan
      try {
        plan = planAcceptIntoCuration((store.data as ProjectData).annotations, annotationId, ctx.newId('ann'), ctx.now())
      } catch (err) {
        throw new MarginaliaError('not-found', (err as Error).message)
      }
      await ctx.store.transact('Accept into curation', (tx) => {
        for (const id of plan.remove) tx.remove('annotations', id)
        tx.put('annotations', plan.put)
      })
      return plan.put
    },
    getAuthor: () => ctx.person,
    setAuthor: async ({ name, orcid, remember }) => {
      let person
      try {
        person = makePerson(name, orcid)
      } catch (err) {
        throw new MarginaliaError('invalid-argument', (err as Error).message)
      }
      if (remember) await saveDefaultAuthor(person)
      ctx.setPerson(person)
      return person
    },
    writeGitLayout: async () => ({ written: await writeLayoutFolder(store.dir, store.data) }),
    readGitLayout: async () => {
      let data: ProjectData
      try {
        data = await readLayoutFolder(store.dir)
      } catch (err) {
        throw new MarginaliaError('invalid-file', (err as Error).message)
      }
      return { changed: await applyToStore(store, data, 'Read git layout') }
    },
    recordHistory: async (args) => {
      const h = await history()
      return args.annotationId || args.documentId ? h.recordHistory(store.dir, target(args)) : h.projectVersions(store.dir)
    },
    restoreVersion: async ({ commit, annotationId, documentId }) => ({
      changed: await (await history()).restoreVersion(ctx.store, commit, annotationId || documentId ? target({ annotationId, documentId }) : undefined)
    })
  }
}
