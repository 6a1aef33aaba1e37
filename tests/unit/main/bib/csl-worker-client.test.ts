import { describe, expect, it } from 'vitest'
import { formatBibliographyInWorker, formatCitesInWorker } from '../../../../src/main/bib/csl-worker-client'
import { ROOT } from '../../../helpers/temp-dir'

const ZACHARIADOU = {
  id: 'z', type: 'article-journal', title: 'John VII (Alias Andronicus) Palaeologus', 'container-title': 'Dumbarton Oaks Papers',
  volume: '31', page: '339-342', issued: { 'date-parts': [[1977]] }, author: [{ family: 'Zachariadou', given: 'Elizabeth A.' }]
}

describe('citeproc in a worker thread', () => {
  it('formats a Chicago bibliography entry and notes off the main thread', async () => {
    let mainThreadTurns = 0
    const ticker = setInterval(() => mainThreadTurns++, 0)
    const entries = await formatBibliographyInWorker(ROOT, [ZACHARIADOU], 'chicago-author-date', 'en-US')
    clearInterval(ticker)
    expect(entries[0].text).toBe('Zachariadou, Elizabeth A. 1977. “John VII (Alias Andronicus) Palaeologus.” Dumbarton Oaks Papers 31: 339–42.')
    // The style compile (a second or more) ran elsewhere: the main thread kept turning meanwhile.
    expect(mainThreadTurns).toBeGreaterThan(0)
    const notes = await formatCitesInWorker(ROOT, [ZACHARIADOU], [{ id: 'z', locator: '340', label: 'page' }, { id: 'z', locator: '341', label: 'page' }], 'chicago-notes-bibliography', 'text', 'en-US')
    expect(notes).toHaveLength(2)
    expect(notes[0]).toMatch(/^Elizabeth A\. Zachariadou, “John VII \(Alias Andronicus\) Palaeologus,” Dumbarton Oaks Papers 31 \(1977\): 340\.?$/)
    // A work cited again gets the short form: family name only.
    expect(notes[1]).toMatch(/^Zachariadou, “John VII[^”]*,” 341\.?$/)
  })

  it('reports an unknown style as a clear error', async () => {
    await expect(formatBibliographyInWorker(ROOT, [ZACHARIADOU], 'apa', 'en-US')).rejects.toThrow(/unknown citation style "apa"/)
  })
})
