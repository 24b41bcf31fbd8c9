import { randomUUID } from 'node:crypto';
import { MAX_FILE_BYTES, MAX_STAGED_BYTES, STAGED_FILE_IDLE_MS, type StagedFile } from '@shared/api/files';
import { localizedError } from '@shared/domain/common/errors';

/**
 * The staging area: every imported file crosses into the backend once and waits here under
 * a random id until it is imported, discarded, or left unused for STAGED_FILE_IDLE_MS.
 * Preview, each mapping change and the import name the id.
 *
 * In memory, not on disk: a staged file must not outlive the process, and keeping it off
 * disk means a crash leaves nothing behind. All staged files together count against
 * MAX_STAGED_BYTES, so memory stays bounded. The bytes sit in a SharedArrayBuffer: an import
 * worker reads them without a copy, and they survive the job (a transferred buffer would be
 * gone after the first preview).
 */

export interface Staged {
  stagedId: string;
  fileName: string;
  /** Read-only by convention: every preview and the import see the same bytes. */
  bytes: Uint8Array;
}

interface Entry extends Staged {
  lastUsed: number;
}

/** Room for one file being written into the staging area (by a stream or a file read). */
export interface StagingSlot {
  bytes: Uint8Array;
  /** The file is complete: `filled` bytes of the slot (default all) are staged under a new id. */
  commit(filled?: number): StagedFile;
  /** Gives the room back when the file never arrived (idempotent; commit releases too). */
  release(): void;
}

export interface StagingOptions {
  maxFileBytes?: number;
  maxTotalBytes?: number;
  idleMs?: number;
  now?: () => number;
}

function readable(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;
  return `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`;
}

export class StagingArea {
  private readonly entries = new Map<string, Entry>();
  /** Bytes promised to files still arriving, so two at once cannot both pass the cap. */
  private reserved = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
  readonly idleMs: number;
  private readonly now: () => number;

  constructor(options: StagingOptions = {}) {
    this.maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
    this.maxTotalBytes = options.maxTotalBytes ?? MAX_STAGED_BYTES;
    this.idleMs = options.idleMs ?? STAGED_FILE_IDLE_MS;
    this.now = options.now ?? Date.now;
  }

  /** Bytes all staged files hold now, and those promised to files still arriving. */
  get heldBytes(): number {
    let total = this.reserved;
    for (const e of this.entries.values()) total += e.bytes.byteLength;
    return total;
  }

  get count(): number {
    return this.entries.size;
  }

  /**
   * Room for a file of `size` bytes about to be staged, or a refusal with code TOO_LARGE:
   * larger than one file may be, or the staging area too full to take it.
   */
  reserve(fileName: string, size: number): StagingSlot {
    if (size > this.maxFileBytes) {
      throw localizedError('TOO_LARGE', 'errors:files.tooLarge', { fileName, limit: readable(this.maxFileBytes) }, { file: fileName, limitBytes: this.maxFileBytes });
    }
    this.sweep();
    const held = this.heldBytes;
    if (held + size > this.maxTotalBytes) {
      throw localizedError(
        'TOO_LARGE',
        'errors:files.stagingFull',
        { fileName, held: readable(held), limit: readable(this.maxTotalBytes) },
        { file: fileName, limitBytes: this.maxTotalBytes, heldBytes: held },
      );
    }
    this.reserved += size;
    let open = true;
    const release = (): void => {
      if (open) this.reserved -= size;
      open = false;
    };
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    return {
      bytes,
      release,
      commit: (filled = size) => {
        release();
        const stagedId = `stg-${randomUUID()}`;
        this.entries.set(stagedId, { stagedId, fileName, bytes: filled === size ? bytes : bytes.subarray(0, filled), lastUsed: this.now() });
        this.schedule();
        return { stagedId, fileName, sizeBytes: filled };
      },
    };
  }

  /** Stages bytes already in memory (one copy into shared memory). */
  put(fileName: string, content: Uint8Array): StagedFile {
    const slot = this.reserve(fileName, content.byteLength);
    slot.bytes.set(content);
    return slot.commit();
  }

  /** Stages a stream (browser mode's upload body) of an announced size, never more than that. */
  async putStream(fileName: string, announcedBytes: number, chunks: AsyncIterable<Uint8Array>): Promise<StagedFile> {
    const slot = this.reserve(fileName, announcedBytes);
    try {
      let filled = 0;
      for await (const chunk of chunks) {
        if (filled + chunk.byteLength > announcedBytes) {
          throw localizedError('TOO_LARGE', 'errors:files.moreThanAnnounced', { fileName, size: announcedBytes.toLocaleString('en') }, { file: fileName, limitBytes: announcedBytes });
        }
        slot.bytes.set(chunk, filled);
        filled += chunk.byteLength;
      }
      return slot.commit(filled);
    } finally {
      slot.release();
    }
  }

  /** A staged file by id; using it restarts its idle clock. NOT_FOUND when it is gone. */
  get(stagedId: string): Staged {
    this.sweep();
    const entry = this.entries.get(stagedId);
    if (entry === undefined) {
      throw localizedError('NOT_FOUND', 'errors:files.notStaged', { minutes: Math.round(this.idleMs / 60_000) }, { stagedId });
    }
    entry.lastUsed = this.now();
    return { stagedId: entry.stagedId, fileName: entry.fileName, bytes: entry.bytes };
  }

  /** Lets a staged file go (imported, or the user removed it); false when it was not staged. */
  drop(stagedId: string): boolean {
    return this.entries.delete(stagedId);
  }

  /** Drops files unused for longer than the idle time. */
  sweep(): void {
    const cutoff = this.now() - this.idleMs;
    for (const [id, entry] of this.entries) if (entry.lastUsed < cutoff) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A sweep after the idle time, so memory is freed even when nobody calls again; never keeps the process alive. */
  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sweep();
      if (this.entries.size > 0) this.schedule();
    }, this.idleMs);
    this.timer.unref();
  }
}
