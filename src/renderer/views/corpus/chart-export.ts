/**
 * Exports a drawn picture as SVG (the element as it is, with the styles its classes need inlined)
 * or PNG (the same SVG drawn on a canvas at twice its size). Everything stays in the page: no
 * network, no server round trip.
 */
import { saveFile } from './save-file'

/** Properties copied from the computed style onto each element, so the file looks as shown. */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight']

/** A standalone copy of `el`: computed styles inlined, size set. */
export function standaloneSvg(el: SVGSVGElement): string {
  const copy = el.cloneNode(true) as SVGSVGElement
  const src = [el, ...el.querySelectorAll('*')]
  const dst = [copy, ...copy.querySelectorAll('*')]
  src.forEach((s, i) => {
    const cs = getComputedStyle(s)
    const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';')
    dst[i].setAttribute('style', style)
    dst[i].removeAttribute('tabindex')
  })
  const box = el.viewBox.baseVal
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  copy.setAttribute('width', String(box?.width || el.clientWidth))
  copy.setAttribute('height', String(box?.height || el.clientHeight))
  return new XMLSerializer().serializeToString(copy)
}

export function downloadSvg(el: SVGSVGElement, name: string): void {
  saveFile(`${name}.svg`, 'image/svg+xml', standaloneSvg(el))
}

/** Draws the SVG on a canvas (twice its size) and downloads it as PNG. */
export async function downloadPng(el: SVGSVGElement, name: string): Promise<void> {
  const text = standaloneSvg(el)
  const box = el.viewBox.baseVal
  const w = (box?.width || el.clientWidth) * 2
  const h = (box?.height || el.clientHeight) * 2
  const img = new Image()
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`
  await img.decode()
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const ctx = canvas.getContext('2d')!
  ctx.fillStyle = '#fffdf9'
  ctx.fillRect(0, 0, w, h)
  ctx.drawImage(img, 0, 0, w, h)
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'))
  if (!blob) throw new Error('the picture could not be drawn as PNG')
  saveFile(`${name}.png`, 'image/png', blob)
}
