/**
 * The data the shell shows, re-read from the services (the single source of truth) after every
 * change event. A Lit reactive controller: the host re-renders when a load completes. Loads are
 * coalesced: a change arriving while a load runs triggers exactly one more load afterwards.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { call, onChange } from '../api-client'
import type { HistoryState } from '../../shared/api/annotations'
import type { ProjectInfo } from '../../shared/api/documents'
import type { Annotation, DocumentRecord, DocumentWithText, Tag } from '../../shared/model'
import { setEntityTypes } from './entity-colours'
import { errorMessage } from './errors'
import { resolveTagColours } from './tag-colours'

export class ProjectState implements ReactiveController {
  info: ProjectInfo | undefined
  documents: DocumentRecord[] = []
  /** The open document with its text, or undefined when the project has none. */
  doc: DocumentWithText | undefined
  /** Annotations of the open document, in document order. */
  annotations: Annotation[] = []
  tags: Tag[] = []
  tagColours: Map<string, string> = new Map()
  history: HistoryState = { canUndo: false, canRedo: false }
  /** True until the first load has finished. */
  loading = true

  private wantedDocId: string | undefined
  private running: Promise<void> | undefined
  private again = false
  private unsubscribe: (() => void) | undefined

  /** @param onError receives the message of a failed load (the shell shows it in its banner) */
  constructor(private readonly host: ReactiveControllerHost, private readonly onError: (message: string) => void) {
    host.addController(this)
  }

  hostConnected(): void {
    this.unsubscribe = onChange(() => void this.reload())
    void this.reload()
  }

  hostDisconnected(): void {
    this.unsubscribe?.()
  }

  /** Opens a document by id (loads its text and annotations). */
  open(id: string): Promise<void> {
    this.wantedDocId = id
    return this.reload()
  }

  /** Tag names in use or defined, sorted, for suggestions. */
  get tagNames(): string[] {
    return [...this.tagColours.keys()].sort((a, b) => a.localeCompare(b))
  }

  /** Re-reads everything shown; resolves once the data on screen is current. */
  reload(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        try {
          await this.loadOnce()
        } catch (err) {
          this.onError(`Could not read the project: ${errorMessage(err)}`)
        }
      } while (this.again)
    })().finally(() => {
      this.running = undefined
      this.loading = false
      this.host.requestUpdate()
    })
    return this.running
  }

  private async loadOnce(): Promise<void> {
    const [info, documents, tags, history, entities] = await Promise.all([
      call('getProjectInfo', {}),
      call('listDocuments', {}),
      call('listTags', {}),
      call('getHistory', {}),
      call('listEntities', {})
    ])
    Object.assign(this, { info, documents, tags, history })
    setEntityTypes(entities) // highlights take their entity type's colour (lib/entity-colours.ts)
    const wanted = documents.find((d) => d.id === (this.wantedDocId ?? this.doc?.id))
    const target = wanted ?? documents.find((d) => d.role === 'text') ?? documents[0]
    if (!target) {
      this.doc = undefined
      this.annotations = []
    } else {
      const needText = !this.doc || this.doc.id !== target.id || this.doc.modified !== target.modified || this.doc.sha256 !== target.sha256
      const [doc, annotations] = await Promise.all([
        needText ? call('getDocument', { id: target.id }) : Promise.resolve(this.doc!),
        call('listAnnotations', { documentId: target.id })
      ])
      this.doc = doc
      this.annotations = annotations
    }
    this.wantedDocId = undefined
    this.tagColours = resolveTagColours(tags, this.annotations.flatMap((a) => a.tags))
    this.host.requestUpdate()
  }
}
