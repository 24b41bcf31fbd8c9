import type { BackendContext } from '../context';

/** The file an import names, read from wherever it came: its name, its bytes, and its staged id if it has one. */
export interface ResolvedFile {
  fileName: string;
  bytes: Uint8Array;
  stagedId: string | null;
}

/** How an input names its file (shared/api/files.ts FileSource; other fields of the input are ignored). */
type Source = { stagedId: string } | { fileName: string; contentBase64: string };

/**
 * The one step every import handler takes to get its file: a staged file by id (the app),
 * or inline base64 (tests, scripts), decoded in slices. Staged bytes are shared, not copied.
 */
export async function resolveFile(source: Source, ctx: Pick<BackendContext, 'staging'>): Promise<ResolvedFile> {
  if ('stagedId' in source) {
    const staged = ctx.staging.get(source.stagedId);
    return { fileName: staged.fileName, bytes: staged.bytes, stagedId: staged.stagedId };
  }
  return { fileName: source.fileName, bytes: await decodeBase64(source.contentBase64), stagedId: null };
}

/**
 * An import of the named file: `run` gets the resolved file, and once it succeeds the staged
 * file is let go (it crossed for this import). A failed import keeps it, so the user can change
 * the mapping and try again without sending it anew.
 */
export async function importingFile<T>(source: Source, ctx: Pick<BackendContext, 'staging'>, run: (file: ResolvedFile) => Promise<T> | T): Promise<T> {
  const file = await resolveFile(source, ctx);
  const result = await run(file);
  if (file.stagedId !== null) ctx.staging.drop(file.stagedId);
  return result;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Characters of base64 decoded between two turns of the event loop (a multiple of 4; a few ms each). */
const DECODE_SLICE = 4 * 1024 * 1024;

/**
 * Base64 decoded into a buffer of its own (transferable to a worker without a copy), in slices
 * with yields between them so a 90 MB upload never blocks the loop for long. Base64 with
 * whitespace or stray characters decodes to fewer bytes than its length promises; it is then
 * decoded in one go, exactly as Buffer.from does.
 */
export async function decodeBase64(contentBase64: string): Promise<Uint8Array> {
  const size = Buffer.byteLength(contentBase64, 'base64');
  const out = new Uint8Array(new ArrayBuffer(size));
  const view = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  let written = 0;
  for (let start = 0; start < contentBase64.length; start += DECODE_SLICE) {
    written += view.write(contentBase64.slice(start, start + DECODE_SLICE), written, 'base64');
    if (start + DECODE_SLICE < contentBase64.length) await tick();
  }
  if (written === size) return out;
  const whole = Buffer.from(contentBase64, 'base64');
  const copy = new Uint8Array(new ArrayBuffer(whole.byteLength));
  copy.set(whole);
  return copy;
}

/** The buffers to hand a worker by transfer: an own ArrayBuffer moves, shared (staged) memory is shared as it is. */
export function transferList(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : [];
}
