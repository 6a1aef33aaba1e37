import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { attrs, escapeAttr, escapeText, xmlSafe, XmlIds } from '../../../../src/shared/export/xml'

// The TEI export's XML writing: text and attribute values a parser reads back exactly, characters
// XML 1.0 cannot hold, and xml:id values that are valid NCNames and never clash.

/** What a conforming parser reads back from `<e a="…">…</e>`. */
function readBack(attr: string, text: string): { attr: string; text: string } {
  let a = ''
  let t = ''
  const p = new SaxesParser()
  p.on('opentag', (n) => { a = n.attributes.a as string })
  p.on('text', (s) => { t += s })
  p.write(`<e a="${escapeAttr(attr)}">${escapeText(text)}</e>`).close()
  return { attr: a, text: t }
}

const NCNAME = /^[\p{L}_][\p{L}\p{N}._-]*$/u

describe('XML writing helpers', () => {
  it('escapes text and attribute values so a parser reads back exactly what was written', () => {
    for (const s of ['plain', 'a & b', '<tag>', 'x > y', '"quoted" & \'single\'', 'tab\there', 'line\nbreak', 'cr\rlf\r\n', '&amp; already', 'Ἰωάννης 𝔊 🏛', '']) {
      expect(readBack(s, s.replace(/\r\n?/g, '\n')), JSON.stringify(s)).toEqual({ attr: s, text: s.replace(/\r\n?/g, '\n') })
    }
    expect(escapeText('a & <b> > c')).toBe('a &amp; &lt;b&gt; &gt; c')
    expect(escapeText('no specials "here"')).toBe('no specials "here"')
    expect(escapeText('&')).toBe('&amp;')
    expect(escapeText('<>')).toBe('&lt;&gt;')
    expect(escapeAttr('"a" & <b>\t\n\r')).toBe('&quot;a&quot; &amp; &lt;b&gt;&#9;&#10;&#13;')
    expect(escapeAttr('>')).toBe('&gt;')
  })

  it('replaces each character XML 1.0 cannot hold with U+FFFD, keeping every other character and the length', () => {
    const forbidden = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\r'.includes(c)), '\uFFFE', '\uFFFF']
    const text = `a${forbidden.join('b')}c\t\n\r\uFFFD\uE000𝔊`
    const { text: safe, replaced } = xmlSafe(text)
    expect(replaced).toBe(forbidden.length)
    expect(safe).toBe(`a${forbidden.map(() => '\uFFFD').join('b')}c\t\n\r\uFFFD\uE000𝔊`)
    expect(xmlSafe('clean text')).toEqual({ text: 'clean text', replaced: 0 })
  })

  it('writes attributes in the given order, leaving out those without a value', () => {
    expect(attrs([['xml:id', 'a1'], ['ref', undefined], ['type', ''], ['n', 'x "y"']])).toBe(' xml:id="a1" n="x &quot;y&quot;"')
    expect(attrs([])).toBe('')
  })

  it('gives records valid, distinct xml:ids, the same one each time, clashes numbered', () => {
    const ids = new XmlIds()
    expect(ids.record('ent_john')).toBe('ent_john')
    expect(ids.record('ent john')).toBe('ent_john_2')
    expect(ids.record('ent.john')).toBe('ent_john_3')
    expect(ids.record('ent_john')).toBe('ent_john')
    expect(ids.record('1408')).toBe('_1408')
    expect(ids.record('Ἰωάννης/Παλαιολόγος')).toBe('Ἰωάννης_Παλαιολόγος')
    expect(ids.record('-dash')).toBe('_-dash')
    for (const id of ['ent_john', 'ent john', '1408', 'é́', '🏛', '']) expect(ids.record(id), id).toMatch(NCNAME)
  })

  it('keeps an annotation id as its xml:id when it is plain and free, and marks any other', () => {
    const ids = new XmlIds()
    ids.record('ann_1')
    expect(ids.bulk('ann_2')).toBe('ann_2')
    expect(ids.bulk('ann_1')).toBe('ann_1.x')
    expect(ids.bulk('ann 3')).toBe('ann_3.x')
    expect(ids.bulk('ann_3')).toBe('ann_3')
    expect(ids.bulk('ann 3')).toBe('ann_3.x')
    expect(ids.bulk('ann.3')).toBe('ann_3.x2')
    expect(ids.bulk('9ann')).toBe('_9ann.x')
  })

  it('names tags and authors by kind, and derives anchor and verdict ids from a base', () => {
    const ids = new XmlIds()
    expect(ids.named('tag', 'greek')).toBe('greek.tag')
    expect(ids.named('resp', 'greek')).toBe('greek.resp')
    expect(ids.named('tag', 'name, "quoted"')).toBe('name___quoted_.tag')
    expect(ids.named('tag', 'name; "quoted"')).toBe('name___quoted_.tag_2')
    expect(ids.named('tag', 'greek')).toBe('greek.tag')
    expect(ids.derive('ann_1', 'start')).toBe('ann_1.start')
  })
})
