/**
 * Offline OCR with tesseract.js: the wasm core and its worker script load from node_modules
 * (tesseract.js-core, tesseract.js/src/worker-script/node), and the language data from the npm
 * packages @tesseract.js-data/<lang> (LSTM "best_int" models). Nothing is fetched and nothing is
 * cached on disk: tesseract.js reads one language folder, so the chosen languages' files are
 * copied once per process into a private temporary folder.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js'
import { MarginaliaError } from '../../../shared/result'
import type { PdfLine } from '../pdf/pdf-lines'
import { installedOcrLanguages, ocrDataRoot } from './ocr-languages'

/** Words below this confidence (0–100) are stored as low-confidence spans. */
export const LOW_CONFIDENCE = 60

/** The version recorded with OCR output. */
export const OCR_ENGINE = 'tesseract.js 7.0.0 (LSTM, best_int models)'

let langDir: string | undefined

/** A folder holding the traineddata of `langs` (copied there on first use). */
function languageFolder(langs: string[]): string {
  langDir ??= mkdtempSync(join(tmpdir(), 'marginalia-ocr-'))
  for (const lang of langs) {
    const target = join(langDir, `${lang}.traineddata.gz`)
    if (!existsSync(target)) copyFileSync(join(ocrDataRoot(), lang, '4.0.0_best_int', `${lang}.traineddata.gz`), target)
  }
  return langDir
}

/** A recognised line, in the units of PdfLine (points at `dpi`), with its words' confidences. */
export interface OcrLine extends PdfLine {
  words: { text: string; confidence: number }[]
}

export interface OcrPage {
  lines: OcrLine[]
  /** Tesseract's mean confidence for the page (0–100). */
  confidence: number
}

export class OcrEngine {
  private constructor(private readonly worker: Worker, readonly languages: string[]) {}

  /**
   * Starts a recogniser for `langs`.
   * @throws MarginaliaError('invalid-argument') for a language whose data is not installed.
   */
  static async start(fileName: string, langs: string[]): Promise<OcrEngine> {
    const installed = installedOcrLanguages()
    const missing = langs.filter((l) => !installed.includes(l))
    if (missing.length) {
      throw new MarginaliaError('invalid-argument', `${fileName}: no OCR language data for ${missing.join(', ')} (installed: ${installed.join(', ')})`)
    }
    const worker = await createWorker(langs, OEM.LSTM_ONLY, {
      langPath: languageFolder(langs),
      cacheMethod: 'none',
      gzip: true,
      logger: () => undefined,
      errorHandler: () => undefined
    })
    await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '0' })
    return new OcrEngine(worker, langs)
  }

  /** Recognises one page image (PNG or JPEG bytes) scanned at `dpi`. */
  async recognise(image: Buffer, dpi: number): Promise<OcrPage> {
    const result = await this.worker.recognize(image, {}, { blocks: true, text: false })
    const toPt = 72 / dpi
    const lines: OcrLine[] = []
    for (const block of result.data.blocks ?? []) {
      for (const para of block.paragraphs) {
        for (const line of para.lines) {
          const words = line.words.map((w) => ({ text: w.text.trim(), confidence: Math.round(w.confidence) })).filter((w) => w.text)
          if (!words.length) continue
          lines.push({
            text: words.map((w) => w.text).join(' '),
            words,
            x: line.bbox.x0 * toPt,
            right: line.bbox.x1 * toPt,
            y: line.baseline.y0 * toPt,
            size: (line.rowAttributes?.rowHeight || line.bbox.y1 - line.bbox.y0) * toPt
          })
        }
      }
    }
    return { lines, confidence: Math.round(result.data.confidence) }
  }

  async stop(): Promise<void> {
    await this.worker.terminate()
  }
}
