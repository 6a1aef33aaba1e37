import DiffMatchPatch from 'diff-match-patch'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as UTIF from 'utif2'
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { afterAll, describe, expect, it } from 'vitest'
import { importFile } from '../../../../src/main/import/import-file'
import { SILENT } from '../../../../src/main/import/import-progress'
import { makePdf, scanPage } from '../../../helpers/make-documents'
import { ROOT, tempDir } from '../../../helpers/temp-dir'

const PAGE = [
  'In the year of our Lord 1391 the emperor Manuel',
  'returned from the court of Bajazet to the city,',
  'where his nephew John had held the walls against',
  'the Turks through a long and bitter winter. The',
  'chronicles of Ducas and Phranza tell the story',
  'in different words, and the historian must weigh',
  'each witness against the others before he writes.'
]

/** Share of the expected characters OCR got right: 1 − edit distance ÷ expected length (spaces normalised). */
function characterAccuracy(expected: string, got: string): number {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim()
  const dmp = new DiffMatchPatch()
  const distance = dmp.diff_levenshtein(dmp.diff_main(norm(expected), norm(got)))
  return 1 - distance / norm(expected).length
}

const figures: string[] = []
afterAll(() => {
  if (figures.length) console.log(`OCR character accuracy: ${figures.join('; ')}`)
})

describe('scanned pages through OCR (tesseract.js, offline)', () => {
  it('reads a scanned PNG page back with ≥ 97% character accuracy, keeps word confidences and the page image', async () => {
    const progress: string[] = []
    const doc = await importFile('scan.png', scanPage(PAGE), { ocrLanguages: ['eng'] }, { progress: (_d, _t, label) => progress.push(label), cancelled: () => false })
    const accuracy = characterAccuracy(PAGE.join(' '), doc.text)
    figures.push(`PNG page ${(accuracy * 100).toFixed(1)}%`)
    expect(accuracy).toBeGreaterThanOrEqual(0.97)
    expect(doc.format).toBe('image')
    expect(doc.structure.filter((b) => b.kind === 'page').map((b) => b.label)).toEqual(['1'])
    expect(doc.metadata.ocr).toMatchObject({ languages: ['eng'], threshold: 60 })
    expect(doc.metadata.ocr!.meanConfidence).toBeGreaterThan(70)
    expect(doc.pageImages).toHaveLength(1)
    const shown = await loadImage(Buffer.from(doc.pageImages![0].bytes))
    expect([shown.width, doc.pageImages![0].ext]).toEqual([1600, '.jpg'])
    expect(progress).toContain('reading page 1 of 1 by OCR')
  }, 120_000)

  it('reads a degraded scan (skewed 1°, speckled) still usably, and reports how well', async () => {
    const img = await loadImage(Buffer.from(scanPage(PAGE, { skew: Math.PI / 180 })))
    const canvas = createCanvas(img.width, img.height)
    const ctx = canvas.getContext('2d')
    ctx.drawImage(img, 0, 0)
    // Deterministic speckle: 1,500 grey dots, as dust on a photocopy.
    let seed = 7
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
    ctx.fillStyle = 'rgba(60,60,60,0.8)'
    for (let i = 0; i < 1500; i++) ctx.fillRect(Math.floor(rand() * img.width), Math.floor(rand() * img.height), 2, 2)
    const doc = await importFile('degraded.png', new Uint8Array(canvas.toBuffer('image/png')), {}, SILENT)
    const accuracy = characterAccuracy(PAGE.join(' '), doc.text)
    figures.push(`degraded PNG page ${(accuracy * 100).toFixed(1)}%`)
    expect(accuracy).toBeGreaterThanOrEqual(0.85)
  }, 120_000)

  it('marks words it is unsure of as low-confidence spans over the right text', async () => {
    // A smudge over one word: OCR reads something there, with low confidence.
    const png = scanPage(['The treaty was signed at Gallipoli', 'in the presence of many witnesses.'])
    const image = await loadImage(Buffer.from(png))
    const canvas = createCanvas(image.width, image.height)
    const ctx = canvas.getContext('2d')
    ctx.drawImage(image, 0, 0)
    ctx.fillStyle = 'rgba(90,90,90,0.75)'
    for (let i = 0; i < 40; i++) ctx.fillRect(760 + ((i * 37) % 300), 95 + ((i * 13) % 70), 9, 30)
    const doc = await importFile('smudged.png', new Uint8Array(canvas.toBuffer('image/png')), {}, SILENT)
    const low = doc.metadata.ocr!.lowConfidence
    expect(doc.text.startsWith('The treaty was signed at ')).toBe(true)
    // The first unsure word is the smudged one, right after the clean words.
    expect(low[0].start).toBe('The treaty was signed at '.length)
    const cps = [...doc.text]
    for (const span of low) {
      expect(span.confidence).toBeLessThan(60)
      expect(cps.slice(span.start, span.end).join('')).not.toMatch(/\s/) // a span is one word
    }
    expect(doc.text).toContain('in the presence of many')
    // Both lines are body text, not a heading or a foot-note.
    expect(doc.structure.filter((b) => b.kind === 'note' || b.kind === 'heading')).toEqual([])
  }, 120_000)

  it('reads a page without a text layer inside a PDF by OCR, beside pages that have one', async () => {
    const pdf = await makePdf([[{ text: 'A printed page with a text layer.', x: 72, y: 100 }], []], { images: [undefined, scanPage(PAGE.slice(0, 3))] })
    const doc = await importFile('mixed.pdf', pdf, {}, SILENT)
    const pages = doc.structure.filter((b) => b.kind === 'page')
    const cps = [...doc.text]
    expect(cps.slice(pages[0].start, pages[0].end).join('')).toBe('A printed page with a text layer.')
    const scanned = cps.slice(pages[1].start, pages[1].end).join('')
    const accuracy = characterAccuracy(PAGE.slice(0, 3).join(' '), scanned)
    figures.push(`scanned PDF page ${(accuracy * 100).toFixed(1)}%`)
    expect(accuracy).toBeGreaterThanOrEqual(0.95)
    expect(doc.pageImages!.map((p) => p.page)).toEqual([1])
  }, 120_000)

  it('reads a scanned TIFF page (decoded with utif2, which browsers cannot show, so its image is kept as JPEG)', async () => {
    const img = await loadImage(Buffer.from(scanPage(['The first leaf of the register.'])))
    const c = createCanvas(img.width, img.height)
    c.getContext('2d').drawImage(img, 0, 0)
    const rgba = new Uint8Array(c.getContext('2d').getImageData(0, 0, img.width, img.height).data.buffer)
    const doc = await importFile('leaf.tif', new Uint8Array(UTIF.encodeImage(rgba, img.width, img.height)), {}, SILENT)
    expect(doc.text).toContain('first leaf of the register')
    expect(doc.structure.filter((b) => b.kind === 'page')).toHaveLength(1)
    expect(doc.pageImages![0].ext).toBe('.jpg')
  }, 120_000)

  it('loads the wasm core, its worker and the language data from node_modules with no network at all', () => {
    const t = tempDir()
    try {
      const png = join(t.dir, 'page.png')
      writeFileSync(png, scanPage(PAGE.slice(0, 2)))
      const script = join(t.dir, 'ocr.ts')
      writeFileSync(script, `import { readFileSync } from 'node:fs'
import { importFile } from ${JSON.stringify(join(ROOT, 'src/main/import/import-file.ts'))}
importFile('page.png', new Uint8Array(readFileSync(${JSON.stringify(png)})), {}, { progress: () => undefined, cancelled: () => false })
  .then((d) => process.stdout.write(d.text))`)
      const out = execFileSync(process.execPath, ['--require', join(ROOT, 'tests/fixtures/import/block-network.cjs'), '--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 })
      expect(out).toContain('returned from the court')
    } finally {
      t.cleanup()
    }
  }, 120_000)

  it('refuses an image whose declared size is a decompression bomb, before decoding it', async () => {
    const png = scanPage(['x'])
    const view = new DataView(png.buffer, png.byteOffset)
    view.setUint32(16, 100_000) // width
    view.setUint32(20, 100_000) // height
    await expect(importFile('bomb.png', png, {}, SILENT)).rejects.toThrow('bomb.png: the image is 100000 × 100000 pixels, more than the 80,000,000 pixels Marginalia reads by OCR')
  })
})
