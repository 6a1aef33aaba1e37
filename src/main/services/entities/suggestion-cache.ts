/**
 * Keeps each document's suggestions so that only a new text pays for the NLP pass (tens of seconds
 * on a whole book). Three layers (src/shared/suggest/suggest.ts):
 * - the text reading (NLP names, dates), kept per document version (sha256 + text file): computed
 *   once, shared by concurrent callers, cancelled only when every caller has cancelled;
 * - the resolved list, kept per version and entity registry state (ids, types, names, dates): a
 *   registry change re-resolves in milliseconds against the kept reading;
 * - what the historian handled (annotations, rejections) is filtered on every call, from the store.
 * Holds the last few documents used (LRU). Offsets are code points of the normalised text.
 */
import type { CallContext } from '../../../shared/api/define'
import { foldText, type FoldedText } from '../../../shared/text/fold'
import { type DocumentRecord, type Entity, SUGGESTION_SOURCES, type SuggestionSource } from '../../../shared/model'
import { findDates } from '../../../shared/suggest/date-finder'
import { resolve, type TextReading } from '../../../shared/suggest/resolve'
import type { Suggestion } from '../../../shared/suggest/types'

/** What one NLP pass yields. */
type NlpReading = Pick<TextReading, 'names' | 'nlpDates'>

interface Run {
  promise: Promise<NlpReading>
  controller: AbortController
  waiters: number
  listeners: Set<NonNullable<CallContext['progress']>>
  /** The last progress reported: code points of the text scanned, of its length. */
  last: [number, number]
}

interface Entry {
  version: string
  text: string
  nlp?: NlpReading
  run?: Run
  dates?: Suggestion[]
  folded?: FoldedText
  /** The last resolved list, with the registry state and sources it was resolved for. */
  resolved?: { registry: string; sources: string; list: Suggestion[] }
  /** Sources of the last `suggestions` call: the list a client holds, for SuggestionUpdates. */
  lastSources?: readonly SuggestionSource[]
}

/** The version of a document's text: a re-import (new bytes, new text file) is a new version. */
export function textVersion(doc: Pick<DocumentRecord, 'id' | 'sha256' | 'textFile' | 'length'>): string {
  return `${doc.sha256}:${doc.textFile ?? doc.id}:${doc.length}`
}

/** The registry state suggestions depend on, in registry order (the first entity wins a shared name). */
export function registryKey(entities: readonly Entity[]): string {
  let key = ''
  for (const e of entities) key += `${e.id}\u0001${e.type}\u0001${e.label}\u0001${e.aliases.join('\u0002')}\u0001${e.dates.date ?? ''}\u0003`
  return key
}

/** Rejects when `signal` aborts, else settles as `promise` does. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  signal.throwIfAborted()
  return new Promise<T>((ok, fail) => {
    const onAbort = () => fail(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(ok, fail).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

const caches = new WeakMap<object, SuggestionCache>()

/** The cache of an open project (one per service context, so per session). */
export function suggestionCacheOf(owner: object): SuggestionCache {
  let cache = caches.get(owner)
  if (!cache) caches.set(owner, (cache = new SuggestionCache()))
  return cache
}

export class SuggestionCache {
  private readonly entries = new Map<string, Entry>()
  /** NLP passes started since the cache was made (the costly work; tests count it). */
  passes = 0

  constructor(private readonly limit = 4) {}

  private entry(doc: DocumentRecord, text: string): Entry {
    const version = textVersion(doc)
    let e = this.entries.get(doc.id)
    if (e && e.version !== version) {
      e.run?.controller.abort()
      e = undefined
    }
    this.entries.delete(doc.id)
    e ??= { version, text }
    this.entries.set(doc.id, e) // most recently used last
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.limit) break
      this.entries.delete(id)
    }
    return e
  }

  /** True when suggestions for `doc` in its current version need no NLP pass. */
  isReady(doc: DocumentRecord, sources: readonly SuggestionSource[] = SUGGESTION_SOURCES): boolean {
    const e = this.entries.get(doc.id)
    return !sources.includes('nlp') || (!!e && e.version === textVersion(doc) && !!e.nlp)
  }

  /** The text folded for name matching (kept with the version). */
  folded(doc: DocumentRecord, text: string): FoldedText {
    const e = this.entry(doc, text)
    return (e.folded ??= foldText(text))
  }

  /** Dates found by the patterns (kept with the version). */
  dates(doc: DocumentRecord, text: string): Suggestion[] {
    const e = this.entry(doc, text)
    return (e.dates ??= findDates(text))
  }

  /** The NLP reading of the entry, running the pass once for every caller that waits for it. */
  private async nlp(e: Entry, call: CallContext): Promise<NlpReading> {
    if (e.nlp) return e.nlp
    call.signal?.throwIfAborted()
    // The caller listens before the pass starts: it reports its first progress synchronously.
    if (e.run && call.progress) {
      e.run.listeners.add(call.progress)
      call.progress(...e.run.last) // a late caller starts from where the pass is
    }
    if (!e.run) {
      const controller = new AbortController()
      const listeners = new Set<NonNullable<CallContext['progress']>>(call.progress ? [call.progress] : [])
      const run: Run = { controller, waiters: 0, listeners, last: [0, e.text.length], promise: Promise.resolve({ names: [], nlpDates: [] }) }
      this.passes++
      // Loaded on first use: compromise costs ≈ 0.4 s at start-up, which every CLI call paid.
      run.promise = import('../../../shared/suggest/read-text')
        .then(({ readTextAsync }) => readTextAsync(e.text, ['nlp', 'date'], (done, total) => {
          run.last = [done, total]
          for (const l of listeners) l(done, total)
        }, controller.signal))
        .then((r) => {
          e.nlp = { names: r.names, nlpDates: r.nlpDates }
          e.dates ??= r.dates
          return e.nlp
        })
        .finally(() => {
          if (e.run === run) e.run = undefined
        })
      run.promise.catch(() => undefined) // a pass every caller left is cancelled: nobody awaits it
      e.run = run
    }
    const run = e.run
    run.waiters++
    try {
      return await untilAborted(run.promise, call.signal)
    } finally {
      run.waiters--
      if (call.progress) run.listeners.delete(call.progress)
      if (run.waiters === 0 && !e.nlp) {
        // Nobody waits any more: stop the pass; a later caller starts a new one.
        run.controller.abort()
        if (e.run === run) e.run = undefined
      }
    }
  }

  /**
   * The suggestions of `doc` for `entities`, handled or not (filter with withoutHandled). Runs
   * the NLP pass only when this version of the text has none yet and `nlp` is wanted.
   */
  async suggestions(doc: DocumentRecord, text: string, entities: readonly Entity[], sources: readonly SuggestionSource[], call: CallContext = {}): Promise<Suggestion[]> {
    const e = this.entry(doc, text)
    e.lastSources = sources
    const nlp = sources.includes('nlp') ? await this.nlp(e, call) : undefined
    call.signal?.throwIfAborted()
    return this.resolveEntry(e, entities, sources, nlp)
  }

  /**
   * The resolved list for the sources of the last `suggestions` call on `doc`, when it needs no
   * NLP pass (undefined otherwise): what a client's list is computed from, for SuggestionUpdates.
   */
  current(doc: DocumentRecord, text: string, entities: readonly Entity[]): { sources: readonly SuggestionSource[]; list: Suggestion[] } | undefined {
    const e = this.entries.get(doc.id)
    if (!e || e.version !== textVersion(doc) || !e.lastSources) return undefined
    if (e.lastSources.includes('nlp') && !e.nlp) return undefined
    return { sources: e.lastSources, list: this.resolveEntry(this.entry(doc, text), entities, e.lastSources, e.nlp) }
  }

  private resolveEntry(e: Entry, entities: readonly Entity[], sources: readonly SuggestionSource[], nlp: NlpReading | undefined): Suggestion[] {
    const registry = registryKey(entities)
    const key = [...sources].sort().join(',')
    if (e.resolved && e.resolved.registry === registry && e.resolved.sources === key) return e.resolved.list
    const reading: TextReading = {
      names: nlp?.names ?? [],
      nlpDates: nlp?.nlpDates ?? [],
      dates: sources.includes('date') ? (e.dates ??= findDates(e.text)) : [],
      folded: e.folded
    }
    const list = resolve(e.text, reading, entities, sources)
    e.folded = reading.folded
    e.resolved = { registry, sources: key, list }
    return list
  }
}
