/**
 * Helpers for the element-by-element tests of the TEI body (tei-body-*.test.ts): build a body from
 * a text, its blocks and annotations with the real `buildBody`, and read it back with a real XML
 * parser (saxes, as the TEI export tests do) into a plain tree that `toEqual` compares exactly.
 * Offsets are code points of the text, as everywhere in the model.
 */
import { buildBody, type BodyOutput } from '../../../../src/shared/export/tei-body'
import type { Annotation, Block } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { type Node, xmlTree } from './xml-tree'

/** An element: its name, its attributes (left out when it has none), then its children in order. */
export type { Node }

/** An annotation over [start, end) code points; only what the body reads is filled in. */
export function ann(id: string, start: number, end: number): Annotation {
  return { id, target: { start, end, exact: '' } } as unknown as Annotation
}

/** A block of the given kind over [start, end) code points. */
export function block(kind: Block['kind'], start: number, end: number, extra: Partial<Block> = {}): Block {
  return { kind, start, end, ...extra }
}

/**
 * The body of `text`: each annotation that nests is a `<seg xml:id="ID">`; a crossing one gets the
 * anchors `ID.s` and `ID.e` (`ID.at` once for an empty one), as the TEI exporter names them.
 */
export function body(text: string, structure: Block[], annotations: Annotation[] = []): BodyOutput {
  return buildBody({
    index: new CodePointIndex(text),
    structure,
    annotations,
    inline: (a) => ({ name: 'seg', open: `<seg xml:id="${a.id}">` }),
    anchorIds: (a) => (a.target.start === a.target.end ? [`${a.id}.at`, `${a.id}.at`] : [`${a.id}.s`, `${a.id}.e`])
  })
}

/** Elements whose text is layout only (the newlines between blocks), dropped from the tree. */
const LAYOUT = new Set(['body', 'div', 'list'])

/**
 * The children of `<body>` for a body's XML: elements as `[name, attributes?, ...children]`, text as
 * strings exactly as written (whitespace kept) except the layout newlines between blocks. Throws
 * on XML that is not well-formed.
 */
export function tree(xml: string): Node[] {
  const [body] = xmlTree(`<body>${xml}</body>`, (parent, text) => LAYOUT.has(parent) && text.trim() === '')
  return (body as Exclude<Node, string>).slice(1) as Node[]
}

/** The tree of a body built from these inputs. */
export function bodyTree(text: string, structure: Block[], annotations: Annotation[] = []): Node[] {
  return tree(body(text, structure, annotations).xml)
}

/** [start, end) in code points of the `nth` (0-based) occurrence of `piece` in `text`. */
export function span(text: string, piece: string, nth = 0): [number, number] {
  let u = -1
  for (let k = 0; k <= nth; k++) {
    u = text.indexOf(piece, u + 1)
    if (u < 0) throw new Error(`"${piece}" occurs fewer than ${nth + 1} times in the text`)
  }
  const start = [...text.slice(0, u)].length
  return [start, start + [...piece].length]
}
