/**
 * Which text of a TEI element is "the text": the reading rules shared by the body walker and by the
 * labels taken from registers. A critical apparatus (`app`) reads its lemma (`lem`), or its first
 * reading when there is no lemma; a `choice` reads the regularised, corrected or expanded form;
 * editorial and metadata elements are not text.
 */
import type { MarkupElement, MarkupNode } from '../markup-tree'

/** Elements whose content is never part of the reading text. */
export const NOT_TEXT: ReadonlySet<string> = new Set([
  'teiHeader', 'facsimile', 'sourceDoc', 'standOff', 'witDetail', 'interp', 'interpGrp', 'fw', 'del',
  'surplus', 'figDesc', 'link', 'linkGrp', 'join', 'span', 'spanGrp', 'certainty', 'respons', 'alt', 'altGrp',
  'listPerson', 'listPlace', 'listOrg', 'listBibl', 'listRelation', 'listEvent', 'relation'
])

const CHOICE_ORDER = ['reg', 'corr', 'expan', 'seg']

/**
 * The children of `el` to read, applying the apparatus and choice rules. The white space the
 * encoder put around the chosen reading is kept: it is the only word boundary in editions that
 * indent their apparatus (`duc de<app>⏎ <lem>Berry</lem>…`).
 */
export function readableChildren(el: MarkupElement): MarkupNode[] {
  let pick: MarkupNode | undefined
  if (el.name === 'app') pick = el.children.find((c) => c.type === 'element' && c.name === 'lem') ?? firstReading(el)
  else if (el.name === 'rdgGrp') pick = firstReading(el)
  else if (el.name === 'choice') {
    const elements = el.children.filter((c): c is MarkupElement => c.type === 'element')
    pick = CHOICE_ORDER.map((name) => elements.find((c) => c.name === name)).find(Boolean) ?? elements[0]
  } else return el.children
  return el.children.filter((c) => c === pick || (c.type === 'text' && c.value.trim() === ''))
}

function firstReading(el: MarkupElement): MarkupNode | undefined {
  return el.children.find((c) => c.type === 'element' && (c.name === 'rdg' || c.name === 'rdgGrp'))
}

/** The reading text of an element (apparatus and choice applied, notes left out), collapsed. */
export function readingText(node: MarkupNode): string {
  const parts: string[] = []
  const walk = (n: MarkupNode) => {
    if (n.type === 'text') return void parts.push(n.value)
    if (NOT_TEXT.has(n.name) || n.name === 'note') return
    // Name parts are words even when the encoder wrote them without spaces between the tags.
    parts.push(' ')
    for (const c of readableChildren(n)) walk(c)
    parts.push(' ')
  }
  for (const c of node.type === 'element' ? readableChildren(node) : [node]) walk(c)
  return parts.join('').replace(/\s+/g, ' ').replace(/ ([,.)])/g, '$1').replace(/(['’]) /g, '$1').trim()
}
