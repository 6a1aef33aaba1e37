/** `serve`: the same UI in a browser, over the loopback HTTP transport. */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { stat } from 'node:fs/promises'
import { openSampleProject, sampleProjectDir } from '../../main/sample-project'
import { ExportFolders } from '../../main/services/export-folders'
import { DEFAULT_APP_ROOT, ProjectSession } from '../../main/services/project-session'
import { startHttpServer } from '../../main/transport/http'
import type { CliCommand } from '../command'
import { intOption, option } from '../parse-args'

/** Where a user's own Marginalia data (the sample project) lives when no project is given. */
export function userDataDir(): string {
  if (process.env.MARGINALIA_HOME) return resolve(process.env.MARGINALIA_HOME)
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'marginalia')
}

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--project DIR] [--port N] [--export-root DIR]…   (no --project: the sample project; writeExport may write only into the project\'s exports/ folder and each --export-root)',
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
    const session = dir
      ? await ProjectSession.open(dir, { create: true, exportFolders })
      : await openSampleProject(sampleProjectDir(userDataDir()), DEFAULT_APP_ROOT, exportFolders)
    const server = await startHttpServer({ session, rendererDir, port: intOption(args, 'port') ?? 0 })
    const stop = async () => {
      await server.close()
      await session.close() // flushes pending writes, releases the lock
      process.exit(0)
    }
    process.on('SIGINT', () => void stop())
    process.on('SIGTERM', () => void stop())
    process.stdout.write(JSON.stringify({ url: server.url, project: session.store.dir, port: server.port }) + '\n')
    process.stderr.write(`Marginalia is serving ${session.store.dir}\nOpen ${server.url}\n(Ctrl+C stops it)\n`)
    return new Promise(() => undefined) // runs until stopped
  }
}
