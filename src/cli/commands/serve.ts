/** `serve`: the same UI in a browser, over the loopback HTTP transport. */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { stat } from 'node:fs/promises'
import { ProjectHost } from '../../main/projects/project-host'
import { HEADER_FILE } from '../../shared/team/layout/file-names'
import { ExportFolders } from '../../main/services/export-folders'
import { DEFAULT_APP_ROOT } from '../../main/services/project-session'
import { startHttpServer } from '../../main/transport/http'
import type { CliCommand } from '../command'
import { intOption, option } from '../parse-args'
import { endWhenIdle } from '../end-when-idle'
import { flushed } from '../write-output'

/** Where a user's own Marginalia data (the sample project) lives when no project is given. */
export function userDataDir(): string {
  if (process.env.MARGINALIA_HOME) return resolve(process.env.MARGINALIA_HOME)
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'marginalia')
}

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--project DIR [--create]] [--port N] [--export-root DIR]…   (no --project: the sample project; DIR must hold a project unless --create; the page\'s project chooser opens others; writeExport may write only into the project\'s exports/ folder and each --export-root)',
  async run(args) {
    const dir = option(args, 'project')
    const rendererDir = resolve(process.env.MARGINALIA_OUT ?? join(DEFAULT_APP_ROOT, 'out'), 'renderer')
    if (!(await stat(join(rendererDir, 'index.html')).then(() => true, () => false))) {
      throw new Error(`${rendererDir}/index.html is missing: run "npm run build" first (or use "npm run serve")`)
    }
    // The browser's exports are downloads; a script calling writeExport may write only where the
    // person starting the server said, on this command line.
    const exportFolders = new ExportFolders()
    for (const root of args.options['export-root'] ?? []) exportFolders.grant(resolve(root))
    // A mistyped --project must not silently become an empty project: creating one takes --create,
    // or a git clone of a project (its layout's header file is there; readGitLayout loads it).
    const clone = dir !== undefined && (await stat(join(resolve(dir), HEADER_FILE)).then(() => true, () => false))
    const host = await ProjectHost.start({ dir, create: args.flags.has('create') || clone, dataDir: userDataDir(), appRoot: DEFAULT_APP_ROOT, exportFolders })
    const server = await startHttpServer({ session: host, rendererDir, port: intOption(args, 'port') ?? 0 })
    const stop = async () => {
      await server.close()
      await host.close() // flushes pending writes, releases the lock
      // The process then ends on its own once stdout is handed to the OS (end-when-idle.ts).
      await flushed(process.stdout)
      endWhenIdle(0)
    }
    process.on('SIGINT', () => void stop())
    process.on('SIGTERM', () => void stop())
    const project = host.session.store.dir
    process.stdout.write(JSON.stringify({ url: server.url, project, port: server.port }) + '\n')
    process.stderr.write(`Marginalia is serving ${project}\n(the sample project lives in ${host.samplePath}; the page's Projects… button opens or creates others)\nOpen ${server.url}\n(Ctrl+C stops it)\n`)
    return new Promise(() => undefined) // runs until stopped
  }
}
