/**
 * XML read back as a plain tree for exact comparison in the export tests: elements as
 * `[name, attributes?, ...children]`, text as strings exactly as written. `isLayout(parent, text)`
 * says which text is layout to drop (the newlines between blocks). Throws on XML that is not
 * well-formed.
 */
import { SaxesParser } from 'saxes'

export type Node = string | [string, ...(Record<string, string> | Node)[]]

type Element = [string, ...(Record<string, string> | Node)[]]

/** The children of a wrapper element around `xml` (so a fragment with several roots parses). */
export function xmlTree(xml: string, isLayout: (parent: string, text: string) => boolean): Node[] {
  const root: Element = ['#document']
  const stack = [root]
  const parser = new SaxesParser({ xmlns: false })
  parser.on('error', (e) => {
    throw e
  })
  parser.on('opentag', (n) => {
    const attrs = n.attributes as Record<string, string>
    const el: Element = Object.keys(attrs).length > 0 ? [n.name, { ...attrs }] : [n.name]
    stack[stack.length - 1].push(el)
    stack.push(el)
  })
  parser.on('text', (t) => {
    const parent = stack[stack.length - 1]
    if (isLayout(parent[0], t)) return
    const last = parent[parent.length - 1]
    if (parent.length > 1 && typeof last === 'string') parent[parent.length - 1] = last + t
    else parent.push(t)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.write(`<xml-tree-root>${xml.replace(/^<\?xml[^>]*\?>/, '')}</xml-tree-root>`).close()
  return (root[1] as Element).slice(1) as Node[]
}
