/** The OCR languages installed: the @tesseract.js-data/<lang> packages in node_modules (no OCR engine loaded). */
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** node_modules/@tesseract.js-data, where each language has its package. */
export function ocrDataRoot(): string {
  return dirname(dirname(require.resolve('@tesseract.js-data/eng/package.json')))
}

/** Languages with LSTM data installed (`deu`, `ell`, `eng`, `fra`, `lat`), sorted. */
export function installedOcrLanguages(): string[] {
  const root = ocrDataRoot()
  return readdirSync(root).filter((lang) => existsSync(join(root, lang, '4.0.0_best_int', `${lang}.traineddata.gz`))).sort()
}
