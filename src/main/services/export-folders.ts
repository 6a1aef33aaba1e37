/**
 * Where `writeExport` may write. A caller of the API — the renderer, which is untrusted, or
 * anything holding the `serve` token — names a folder; the main side decides whether it is one the
 * historian chose. Allowed are: the project's own `exports/` folder, and folders granted here by
 * the main side when the historian chose them — the desktop folder dialog (src/main/transport/ipc.ts),
 * a folder typed on the CLI's own command line (`export --out`), and `serve --export-root DIR`.
 * Subfolders of an allowed folder are allowed. A path must be absolute (never resolved against the
 * server's working directory), and symbolic links are resolved before the check, so a link inside
 * an allowed folder cannot lead out of it. See docs/security.md, "Export folders".
 */
import { realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { MarginaliaError } from '../../shared/result'

/** The folder as the file system will resolve it: real path of its deepest existing ancestor + the rest. */
async function resolvedPath(folder: string): Promise<string> {
  const missing: string[] = []
  for (let at = resolve(folder); ; at = dirname(at)) {
    try {
      return join(await realpath(at), ...missing.reverse())
    } catch {
      if (dirname(at) === at) return resolve(folder)
      missing.push(basename(at))
    }
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/** The folders granted for exports in this process (shared by every project it opens). */
export class ExportFolders {
  private readonly granted = new Set<string>()

  /** Grants `folder` (absolute) and everything under it: call only for a folder the historian chose. */
  grant(folder: string): void {
    if (!isAbsolute(folder)) throw new MarginaliaError('invalid-argument', `${folder}: an export folder must be an absolute path`)
    this.granted.add(resolve(folder))
  }

  /** The folders granted so far (absolute). */
  list(): string[] {
    return [...this.granted]
  }

  /**
   * The absolute folder to write `folder`'s export into, after checking it is the project's
   * `exports/` folder, a granted folder, or inside one. Throws MarginaliaError('invalid-argument')
   * for a relative path and MarginaliaError('forbidden') for any other folder; nothing is written.
   */
  async check(folder: string, projectDir: string): Promise<string> {
    if (!isAbsolute(folder)) {
      throw new MarginaliaError('invalid-argument', `${folder}: an export folder must be an absolute path (it is never taken relative to the server's working folder)`)
    }
    const target = await resolvedPath(folder)
    const roots = [join(projectDir, 'exports'), ...this.granted]
    for (const root of roots) if (isInside(target, await resolvedPath(root))) return resolve(folder)
    throw new MarginaliaError('forbidden',
      `${folder}: not a folder chosen for exports. Exports are written into the project's exports folder (${join(projectDir, 'exports')}) or a folder chosen with "Choose folder…"; in the browser they are downloads, and serve --export-root DIR allows another folder`)
  }
}
