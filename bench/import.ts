/**
 * Import benchmark. The same text — Gibbon's Decline and Fall vol. 2 (2.0 MB, Project Gutenberg) —
 * imported as plain text (the baseline), as TEI (paragraphs as <p>), as HTML (paragraphs as <p>,
 * through Readability) and as a PDF typeset from it (pdf-lib, Times 10 pt, one text line per
 * PDF line), each through the one import door (`importFile`: detection, decoding, parsing,
 * structure); ratios to the plain-text import in the same run, runs interleaved so all see the
 * same machine load. Then OCR: seconds per scanned page (300 dpi, 40 lines of Gibbon), as a ratio
 * to the text-layer PDF import's time per page measured in the same run.
 * Run: npx tsx bench/import.ts [runs]
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { importFile } from '../src/main/import/import-file'
import { SILENT } from '../src/main/import/import-progress'
import { scanPage } from '../tests/helpers/make-documents'

const FILE = join(__dirname, '..', '..', 'shared', 'corpus', 'large', 'gibbon-decline-and-fall-vol2-pg732.txt')
if (!existsSync(FILE)) {
  console.log(`skipped: ${FILE} is absent (the shared corpus is not on this machine)`)
  process.exit(0)
}
const RUNS = Number(process.argv[2] ?? 3)
const bytes = new Uint8Array(readFileSync(FILE))
const text = new TextDecoder().decode(bytes).replace(/^\ufeff/, '').replace(/\r\n/g, '\n')
const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const enc = (s: string) => new TextEncoder().encode(s)

const tei = enc(`<?xml version="1.0" encoding="UTF-8"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Gibbon vol. 2</title></titleStmt></fileDesc></teiHeader><text><body>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</body></text></TEI>`)
const html = enc(`<!DOCTYPE html><html lang="en"><head><title>Gibbon vol. 2</title></head><body><article>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`)

/** The text typeset into A4 pages, 60 lines each, lines as in the file (characters Times lacks become '?'). */
async function typeset(): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.TimesRoman)
  const lines = text.split('\n').map((l) => l.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?').trimEnd())
  let pages = 0
  for (let i = 0; i < lines.length; i += 60) {
    const page = doc.addPage([595, 842])
    pages++
    lines.slice(i, i + 60).forEach((l, k) => l && page.drawText(l, { x: 60, y: 800 - k * 12.5, size: 10, font }))
  }
  return { pdf: await doc.save(), pages }
}

async function time(fileName: string, data: Uint8Array): Promise<number> {
  const t0 = performance.now()
  const doc = await importFile(fileName, data, {}, SILENT)
  const ms = performance.now() - t0
  if (doc.text.length < 1000) throw new Error(`${fileName}: imported no text`)
  return ms
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main(): Promise<void> {
  const { pdf, pages } = await typeset()
  const inputs: [string, string, Uint8Array][] = [['plain text (baseline)', 'gibbon.txt', bytes], ['TEI', 'gibbon.xml', tei], ['HTML', 'gibbon.html', html], [`PDF (${pages} pages)`, 'gibbon.pdf', pdf]]
  const times = new Map<string, number[]>(inputs.map(([label]) => [label, []]))
  for (const [, name, data] of inputs) await time(name, data) // warm-up: modules loaded, JIT warm
  for (let r = 0; r < RUNS; r++) for (const [label, name, data] of inputs) times.get(label)!.push(await time(name, data))
  const base = median(times.get('plain text (baseline)')!)
  console.log(`Gibbon vol. 2 (${(bytes.length / 1e6).toFixed(1)} MB) imported as …, median of ${RUNS} interleaved runs, ratio to the plain-text import`)
  for (const [label] of inputs) console.log(`  ${label.padEnd(24)} ${(median(times.get(label)!) / base).toFixed(2)}×`)
  console.log(`  (baseline ${base.toFixed(0)} ms on this machine; the ratios are the figures to compare)`)

  const lines = text.split('\n').filter((l) => l.trim().length > 30).slice(400, 520)
  const scans = [0, 1, 2].map((k) => scanPage(lines.slice(k * 40, k * 40 + 40), { width: 2000 }))
  const ocr: number[] = []
  for (const [k, png] of scans.entries()) {
    const t0 = performance.now()
    await importFile(`scan-${k}.png`, png, { ocrLanguages: ['eng'] }, SILENT)
    ocr.push(performance.now() - t0)
  }
  const pdfPerPage = median(times.get(`PDF (${pages} pages)`)!) / pages
  const perPage = median(ocr)
  console.log(`OCR of a scanned page (300 dpi, 40 lines, tesseract.js eng), median of ${scans.length} pages:`)
  console.log(`  ${(perPage / pdfPerPage).toFixed(0)}× the time per page of the text-layer PDF import above`)
  console.log(`  (${(perPage / 1000).toFixed(1)} s per page on this machine, against ${pdfPerPage.toFixed(1)} ms per text-layer page)`)
}

void main()
