/** CLI commands of the exports domain: `export` and `import-json`. */
import { mkdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { FORMAT_NAMES, type ExportFormatName } from '../../shared/export/registry'
import { LIMITS } from '../../shared/limits'
import type { CliCommand } from '../command'
import { option, positional, requiredOption } from '../parse-args'

const isDirectory = (path: string) => stat(path).then((s) => s.isDirectory(), () => false)

export const exportsCommands: CliCommand[] = [
  {
    name: 'export',
    usage: `export DIR --format ${FORMAT_NAMES.join('|')} [--doc ID] [--out PATH] [--bom] [--zip] [--style S]`,
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const format = requiredOption(args, 'format')
      if (!(FORMAT_NAMES as readonly string[]).includes(format)) throw new Error(`--format must be one of ${FORMAT_NAMES.join(', ')}`)
      const out = option(args, 'out')
      const request = {
        format: format as ExportFormatName,
        documentId: option(args, 'doc'),
        options: { bom: args.flags.has('bom') || undefined, zip: args.flags.has('zip') || undefined, style: option(args, 'style') }
      }
      const api = await env.open(dir)
      const formats = env.unwrap(await api.listExportFormats({}))
      const multiFile = formats.find((f) => f.name === format)?.multiFile ?? false
      // A folder when PATH is one already or ends in '/', or when the format may give several files
      // (csv, tei of a project, paged w3c) and PATH has no file extension; `x.jsonld` stays a file
      // when the export is one file.
      const looksLikeFile = /\.[A-Za-z0-9]+$/.test(out ?? '')
      if (out && ((multiFile && !request.options.zip && !looksLikeFile) || out.endsWith('/') || (await isDirectory(out)))) {
        env.allowExportFolder(out) // typed by the user on this command line
        return env.unwrap(await api.writeExport({ ...request, folder: resolve(out) }))
      }
      const result = env.unwrap(await api.exportProject(request))
      if (result.files.length !== 1) throw new Error(`this export has ${result.files.length} files (${result.files.map((f) => f.name).join(', ')}); give --out FOLDER, or --zip`)
      const [file] = result.files
      const bytes = file.encoding === 'base64' ? new Uint8Array(Buffer.from(file.content, 'base64')) : file.content
      if (!out) {
        await env.stdout(bytes)
        if (result.losses.length > 0)
          process.stderr.write(`marginalia export: not carried by ${format}: ${result.losses.map((l) => `${l.what} (${l.count})`).join('; ')}\n`)
        return undefined
      }
      const path = resolve(out)
      const reportPath = resolve(dirname(path), path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') + '.losses.json')
      await mkdir(dirname(path), { recursive: true })
      await env.writeFile(path, bytes)
      // The report names the file as written, not the exporter's default name.
      const report = { ...JSON.parse(result.lossReport.content), files: [path.replace(/^.*[\\/]/, '')] }
      await env.writeFile(reportPath, JSON.stringify(report, null, 2) + '\n')
      return { format: result.format, paths: [path, reportPath], losses: result.losses }
    }
  },
  {
    name: 'import-json',
    usage: 'import-json DIR FILE   (a Marginalia JSON export, into an empty project)',
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const file = positional(args, 1, 'FILE')
      const bytes = await env.readFile(file, LIMITS.nativeJsonFile)
      let content: string
      try {
        content = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        throw new Error(`${file}: not valid UTF-8`)
      }
      const api = await env.open(dir)
      return env.unwrap(await api.importProjectJson({ fileName: file, content }))
    }
  }
]
