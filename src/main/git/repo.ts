/**
 * The project folder as a git repository, through isomorphic-git (no git binary needed): init,
 * clone, "save version" (stage everything and commit), fetch, push, and reading a project as it was
 * at any commit. Credentials come from the caller's `onAuth` for each network call and are never
 * written into the project or the git config; a URL with a user or password in it is refused.
 */
import * as fs from 'node:fs'
import git, { type AuthCallback } from 'isomorphic-git'
import http from 'isomorphic-git/http/node'
import type { ProjectData } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { decodeLayout } from '../../shared/team/layout/codec'
import { liftLegacyLayout } from '../../shared/team/legacy-authorship'
import { ANNOTATIONS_DIR, COLLECTION_FILES, HEADER_FILE } from '../../shared/team/layout/file-names'

export type { AuthCallback }

/** Who saves a version: recorded as git author and committer. */
export interface GitAuthor {
  name: string
  email?: string
}

export const BRANCH = 'main'
export const REMOTE = 'origin'

/** Refuses a remote URL carrying credentials (they would end up in .git/config). */
export function checkRemoteUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new MarginaliaError('invalid-argument', `${url}: not a URL (give an https:// or http:// address of the repository)`)
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new MarginaliaError('invalid-argument', `${url}: only http(s) remotes are supported`)
  if (parsed.username || parsed.password) throw new MarginaliaError('invalid-argument', `${parsed.host}: leave the user name and password out of the URL; they are asked for when needed and never stored`)
  return url
}

/**
 * Runs a network call, turning a refusal for want of credentials into a clear `forbidden` error
 * (the CLI then asks for them; the app shows its dialog).
 */
async function network<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    const e = err as Error & { code?: string; data?: { statusCode?: number } }
    if (e.code === 'UserCanceledError') throw new MarginaliaError('forbidden', `${what}: the git server wants credentials (a user name and a password or token)`)
    if (e.code === 'HttpError' && (e.data?.statusCode === 401 || e.data?.statusCode === 403)) {
      throw new MarginaliaError('forbidden', `${what}: the git server wants valid credentials (HTTP ${e.data.statusCode})`)
    }
    throw err
  }
}

export async function isRepo(dir: string): Promise<boolean> {
  return fs.promises.stat(`${dir}/.git`).then(() => true, () => false)
}

export async function initRepo(dir: string): Promise<void> {
  await git.init({ fs, dir, defaultBranch: BRANCH })
}

export async function cloneRepo(dir: string, url: string, onAuth?: AuthCallback): Promise<void> {
  const checked = checkRemoteUrl(url)
  await network('clone', () => git.clone({ fs, http, dir, url: checked, onAuth, singleBranch: true, ref: BRANCH }))
}

export async function setRemote(dir: string, url: string): Promise<void> {
  await git.addRemote({ fs, dir, remote: REMOTE, url: checkRemoteUrl(url), force: true })
}

export async function remoteUrl(dir: string): Promise<string | undefined> {
  const remotes = await git.listRemotes({ fs, dir })
  return remotes.find((r) => r.remote === REMOTE)?.url
}

export async function headOid(dir: string): Promise<string | undefined> {
  return git.resolveRef({ fs, dir, ref: 'HEAD' }).catch(() => undefined)
}

/**
 * Stages every change of the work tree (new, changed and deleted files; .gitignore applies) and
 * commits it as one version; `parents` makes a merge commit. Returns the new commit, or undefined
 * when nothing changed and no merge is being recorded.
 */
export async function saveVersion(dir: string, message: string, author: GitAuthor, parents?: string[]): Promise<string | undefined> {
  const matrix = await git.statusMatrix({ fs, dir })
  let staged = 0
  for (const [filepath, head, workdir, stage] of matrix) {
    if (workdir === 0 && head === 1) (await git.remove({ fs, dir, filepath }), staged++)
    else if (workdir !== stage || head !== workdir) (await git.add({ fs, dir, filepath }), staged++)
  }
  if (staged === 0 && !parents) return undefined
  const who = { name: author.name, email: author.email ?? '' }
  return git.commit({ fs, dir, message, author: who, committer: who, ...(parents ? { parent: parents } : {}) })
}

export async function fetchRemote(dir: string, onAuth?: AuthCallback): Promise<string | undefined> {
  const url = await remoteUrl(dir)
  if (!url) throw new MarginaliaError('invalid-argument', `${dir}: no remote; give one with --remote URL`)
  const r = await network('pull', () => git.fetch({ fs, http, dir, remote: REMOTE, ref: BRANCH, singleBranch: true, onAuth }))
  return r.fetchHead ?? undefined
}

export async function pushRemote(dir: string, onAuth?: AuthCallback): Promise<void> {
  const r = await network('push', () => git.push({ fs, http, dir, remote: REMOTE, ref: BRANCH, onAuth }))
  if (!r.ok) throw new MarginaliaError('conflict', `push refused: ${JSON.stringify(r.refs)}`)
}

export async function mergeBase(dir: string, a: string, b: string): Promise<string | undefined> {
  const bases = await git.findMergeBase({ fs, dir, oids: [a, b] })
  return bases[0]
}

export async function isAncestor(dir: string, ancestor: string, of: string): Promise<boolean> {
  if (ancestor === of) return true
  return git.isDescendent({ fs, dir, oid: of, ancestor, depth: -1 })
}

/** Text of `filepath` at commit `oid`, or undefined when it is not there. */
export async function fileAt(dir: string, oid: string, filepath: string): Promise<string | undefined> {
  try {
    const { blob } = await git.readBlob({ fs, dir, oid, filepath })
    return new TextDecoder().decode(blob)
  } catch {
    return undefined
  }
}

export async function filesAt(dir: string, oid: string): Promise<string[]> {
  return git.listFiles({ fs, dir, ref: oid })
}

/** The project as committed in `oid` (the layout's files decoded). */
export async function projectAt(dir: string, oid: string): Promise<ProjectData> {
  const paths = (await filesAt(dir, oid)).filter((p) => p === HEADER_FILE || Object.values<string>(COLLECTION_FILES).includes(p) || p.startsWith(`${ANNOTATIONS_DIR}/`))
  const files = new Map<string, string>()
  for (const p of paths) files.set(p, (await fileAt(dir, oid, p)) ?? '')
  return liftLegacyLayout(decodeLayout(files))
}

/** Moves the branch (and HEAD) to `oid` without touching the work tree. */
export async function moveBranch(dir: string, oid: string): Promise<void> {
  await git.writeRef({ fs, dir, ref: `refs/heads/${BRANCH}`, value: oid, force: true })
}

export { git, fs as gitFs }
