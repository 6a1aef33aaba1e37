/**
 * Parses XML (TEI, EPUB package files) into a small element tree with saxes, safely:
 * - nothing is ever fetched: saxes has no resolver, and a DOCTYPE's external DTD is only text;
 * - a DOCTYPE that declares entities is refused outright (billion-laughs expansion, XXE), and an
 *   entity that is not one of XML's five is an error, never an expansion;
 * - nesting depth and element count are bounded (IMPORT_LIMITS), so a hostile file fails quickly.
 * Names are local names (the namespace URI is kept apart); attributes keep their qualified names
 * (`xml:id`, `n`, `ref`).
 */
import { SaxesParser } from 'saxes'
import { MarginaliaError } from '../result'
import { IMPORT_LIMITS } from './import-limits'
import type { MarkupElement, MarkupNode } from './markup-tree'

/**
 * Parses `text` (already decoded) named `fileName`.
 * @throws MarginaliaError('invalid-file', '<file>: …') for XML that is not well-formed or is hostile.
 */
export function parseXmlTree(fileName: string, text: string): MarkupElement {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const root: MarkupElement = { type: 'element', name: '#document', ns: '', attrs: {}, children: [] }
  const stack: MarkupElement[] = [root]
  let elements = 0
  let failure: MarginaliaError | undefined
  const fail = (message: string) => {
    failure ??= new MarginaliaError('invalid-file', `${fileName}: ${message}`)
  }

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      fail('its DOCTYPE declares entities; Marginalia never expands DTD entities (they are how entity-expansion bombs and external-entity (XXE) attacks work), so it refuses the file')
    }
  })
  parser.on('opentag', (tag) => {
    if (failure) return
    if (stack.length > IMPORT_LIMITS.xmlDepth) return fail(`elements nest more than ${IMPORT_LIMITS.xmlDepth} levels deep`)
    if (++elements > IMPORT_LIMITS.xmlElements) return fail(`more than ${IMPORT_LIMITS.xmlElements.toLocaleString('en-GB')} elements`)
    const attrs: Record<string, string> = {}
    for (const a of Object.values(tag.attributes)) attrs[a.name] = a.value
    const el: MarkupElement = { type: 'element', name: tag.local, ns: tag.uri, attrs, children: [] }
    stack.at(-1)!.children.push(el)
    stack.push(el)
  })
  parser.on('closetag', () => {
    if (!failure) stack.pop()
  })
  const addText = (value: string) => {
    if (failure || stack.length === 1) return
    const parent = stack.at(-1)!
    const last = parent.children.at(-1)
    if (last?.type === 'text') last.value += value
    else parent.children.push({ type: 'text', value })
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('error', (err) => {
    const where = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(err.message)
    fail(where ? `not well-formed XML at line ${where[1]}, column ${where[2]}: ${where[3]}` : `not well-formed XML: ${err.message}`)
  })

  // saxes stops on the first error it reports through the handler; write in slices so a refused
  // DOCTYPE stops the parse before the body is read.
  const SLICE = 1 << 20
  for (let i = 0; i < text.length && !failure; i += SLICE) parser.write(text.slice(i, i + SLICE))
  if (!failure) parser.close()
  if (failure) throw failure
  const top = root.children.find((c): c is MarkupElement => c.type === 'element')
  if (!top) throw new MarginaliaError('invalid-file', `${fileName}: the XML has no root element`)
  return top
}

/** The child elements of `el` named `name` (local name). */
export function childElements(el: MarkupElement, name?: string): MarkupElement[] {
  return el.children.filter((c): c is MarkupElement => c.type === 'element' && (name === undefined || c.name === name))
}

/** The first descendant element named `name`, depth first. */
export function findElement(el: MarkupElement, name: string): MarkupElement | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue
    if (c.name === name) return c
    const found = findElement(c, name)
    if (found) return found
  }
  return undefined
}

/** Every descendant element named `name`, in document order. */
export function findElements(el: MarkupElement, name: string, out: MarkupElement[] = []): MarkupElement[] {
  for (const c of el.children) {
    if (c.type !== 'element') continue
    if (c.name === name) out.push(c)
    findElements(c, name, out)
  }
  return out
}

/** The text content of a node with white space collapsed and trimmed. */
export function textOf(node: MarkupNode | undefined): string {
  if (!node) return ''
  const parts: string[] = []
  const walk = (n: MarkupNode) => {
    if (n.type === 'text') parts.push(n.value)
    else for (const c of n.children) walk(c)
  }
  walk(node)
  return parts.join('').replace(/\s+/g, ' ').trim()
}
