/**
 * Images of scanned pages: sizes read from file headers before any pixel is decoded (so a
 * decompression bomb is refused by its declared size), TIFF pages decoded with utif2, and the
 * display copy kept beside the text (JPEG, at most 1600 px wide) drawn with @napi-rs/canvas.
 */
import * as UTIF from 'utif2'
import { MarginaliaError } from '../../../shared/result'
import { IMPORT_LIMITS } from '../../../shared/import/import-limits'

// The canvas library loads on the first scanned page only.
const canvasLib = () => import('@napi-rs/canvas')

/** Width of the display copy of a page, in pixels. */
const DISPLAY_WIDTH = 1600

/** A page image ready for OCR: PNG or JPEG bytes and its size in pixels. */
export interface PageRaster {
  bytes: Buffer
  width: number
  height: number
  /** Resolution assumed or read from the file (dots per inch). */
  dpi: number
}

function checkPixels(fileName: string, width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new MarginaliaError('invalid-file', `${fileName}: the image declares no size; it is damaged`)
  if (width * height > IMPORT_LIMITS.imagePixels) {
    throw new MarginaliaError('invalid-file', `${fileName}: the image is ${width} × ${height} pixels, more than the ${IMPORT_LIMITS.imagePixels.toLocaleString('en-GB')} pixels Marginalia reads by OCR`)
  }
}

/** Width and height of a PNG or JPEG from its header. */
function headerSize(bytes: Uint8Array, kind: 'png' | 'jpeg'): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (kind === 'png') return bytes.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : { width: 0, height: 0 }
  let i = 2
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return { width: 0, height: 0 }
    const marker = bytes[i + 1]
    const length = view.getUint16(i + 2)
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) }
    }
    i += 2 + length
  }
  return { width: 0, height: 0 }
}

/** The pages of an image file (one for PNG and JPEG, one per frame for TIFF), checked for size. */
export async function imagePages(fileName: string, bytes: Uint8Array, kind: 'png' | 'jpeg' | 'tiff'): Promise<PageRaster[]> {
  if (kind !== 'tiff') {
    const { width, height } = headerSize(bytes, kind)
    checkPixels(fileName, width, height)
    return [{ bytes: Buffer.from(bytes), width, height, dpi: 300 }]
  }
  let ifds: UTIF.IFD[]
  try {
    ifds = UTIF.decode(Buffer.from(bytes))
  } catch (err) {
    throw new MarginaliaError('invalid-file', `${fileName}: the TIFF cannot be read (${(err as Error).message})`)
  }
  const { createCanvas, ImageData } = await canvasLib()
  const pages: PageRaster[] = []
  for (const ifd of ifds) {
    const width = Number((ifd.t256 as number[] | undefined)?.[0] ?? 0)
    const height = Number((ifd.t257 as number[] | undefined)?.[0] ?? 0)
    checkPixels(fileName, width, height)
    UTIF.decodeImage(Buffer.from(bytes), ifd)
    const rgba = UTIF.toRGBA8(ifd)
    const canvas = createCanvas(width, height)
    canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height), 0, 0)
    const xres = (ifd.t282 as number[] | undefined)?.[0]
    pages.push({ bytes: canvas.toBuffer('image/png'), width, height, dpi: xres && xres > 50 && xres < 2400 ? xres : 300 })
  }
  if (!pages.length) throw new MarginaliaError('invalid-file', `${fileName}: the TIFF holds no image`)
  return pages
}

/** The copy of a page image shown beside its text: JPEG, at most 1600 px wide. */
export async function displayCopy(page: PageRaster): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const { createCanvas, loadImage } = await canvasLib()
  const image = await loadImage(page.bytes)
  const scale = Math.min(1, DISPLAY_WIDTH / image.width)
  const width = Math.max(1, Math.round(image.width * scale))
  const height = Math.max(1, Math.round(image.height * scale))
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  ctx.drawImage(image, 0, 0, width, height)
  return { bytes: new Uint8Array(canvas.toBuffer('image/jpeg', 85)), width, height }
}
