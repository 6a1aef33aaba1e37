/**
 * Saving a file in the browser: a download of content the services produced (an export, the
 * agreement table). The desktop app writes files through the main side instead (folder grants).
 */
import type { ExportedFile } from '../../shared/api/exports'

/** Triggers a browser download of one file (`base64` content is decoded to bytes first). */
export function downloadFile(file: ExportedFile): void {
  const data = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content
  const url = URL.createObjectURL(new Blob([data], { type: file.mediaType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
