/**
 * Saves a file the services built (CSV, HTML) or the view drew (SVG, PNG) through the browser's
 * download (the renderer has no file system; in the desktop shell the download asks where to save).
 */

/** Downloads `content` as `fileName`. */
export function saveFile(fileName: string, mediaType: string, content: string | Blob): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: mediaType }) : content
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
