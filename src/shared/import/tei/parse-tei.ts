/**
 * TEI P5 import: the header gives title and metadata, `<text>` gives the normalised text with its
 * structure (tei-walk.ts), and the edition's own name and date markup gives pre-annotations with
 * entity hints (tei-mentions.ts, registers in tei-register.ts). TEI P4 files without the TEI
 * namespace (`TEI.2`) are read the same way.
 */
import { MarginaliaError } from '../../result'
import { FlowBuilder } from '../flow-builder'
import type { ParsedDocument } from '../parsed-document'
import { childElements, findElement, parseXmlTree } from '../xml-tree'
import { readTeiHeader } from './tei-header'
import { MentionCollector } from './tei-mentions'
import { readRegisters } from './tei-register'
import { TeiWalker } from './tei-walk'

const TEI_NS = 'http://www.tei-c.org/ns/1.0'

/** True when normalised text looks like a TEI document (root `TEI` or `teiCorpus`, or the TEI namespace). */
export function looksLikeTei(text: string): boolean {
  const head = text.slice(0, 4000)
  return /<(TEI|teiCorpus|TEI\.2)[\s>]/.test(head) || head.includes(TEI_NS)
}

/** Parses a TEI document (already decoded and normalised) named `fileName`. */
export function parseTei(fileName: string, text: string, fallbackTitle: string): ParsedDocument {
  const root = parseXmlTree(fileName, text)
  if (!/^(TEI|teiCorpus|TEI\.2)$/.test(root.name)) {
    throw new MarginaliaError('invalid-file', `${fileName}: the root element is <${root.name}>, not <TEI>; it is not a TEI document`)
  }
  const tei = root.name === 'teiCorpus' ? (childElements(root, 'TEI')[0] ?? root) : root
  const body = childElements(tei, 'text')[0] ?? findElement(tei, 'text')
  if (!body) throw new MarginaliaError('invalid-file', `${fileName}: has no <text> element, so there is no text to import`)
  const header = readTeiHeader(tei)
  const registers = readRegisters(root)
  const mentions = new MentionCollector(body, registers)
  const out = new FlowBuilder()
  new TeiWalker(out, mentions).walk(body)
  const { text: content, structure, marks } = out.finish()
  if (content.trim() === '') throw new MarginaliaError('invalid-file', `${fileName}: the <text> element holds no text`)
  return {
    title: header.title ?? fallbackTitle,
    format: 'tei',
    text: content,
    structure,
    marks,
    metadata: header.metadata,
    mentions: mentions.mentions,
    entities: mentions.entities
  }
}
