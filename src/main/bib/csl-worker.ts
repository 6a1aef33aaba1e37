/**
 * Worker thread that formats with citeproc (through citation-js). Compiling a CSL style takes
 * a second or more the first time; here it no longer freezes the main process, so the app and
 * every other API call stay responsive. Messages: CslJob in, CslReply out.
 */
import { parentPort } from 'node:worker_threads'
import { formatBibliographyEntries, formatCiteSequence } from '../../shared/bib/citation-js'
import { MarginaliaError } from '../../shared/result'
import { ensureCslStyle } from './csl-resources'
import type { CslJob, CslReply } from './csl-job'

parentPort!.on('message', (job: CslJob) => {
  let reply: CslReply
  try {
    ensureCslStyle(job.appRoot, job.style)
    const value = job.kind === 'bibliography'
      ? formatBibliographyEntries(job.items, job.style, job.lang)
      : formatCiteSequence(job.items, job.cites, job.style, job.format, job.lang)
    reply = { id: job.id, ok: true, value }
  } catch (err) {
    const code = err instanceof MarginaliaError ? err.code : 'internal'
    reply = { id: job.id, ok: false, error: { code, message: err instanceof Error ? err.message : String(err) } }
  }
  parentPort!.postMessage(reply)
})
