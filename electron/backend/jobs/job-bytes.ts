/** A file's bytes in a buffer of their own, so they can be handed to a worker without copying. */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

/** Base64 characters decoded between two turns of the event loop (3 MB of bytes; a few milliseconds). */
const BASE64_CHUNK = 4 * 1024 * 1024;

/**
 * An upload's base64 as bytes in a buffer of their own, decoded a slice at a time with the event
 * loop free in between (as transactions/import-thread.ts does): decoding 30 MB at once stalls
 * the main process.
 */
export async function bytesOfBase64(text: string): Promise<Uint8Array> {
  if (text.length <= BASE64_CHUNK) return ownBytes(Buffer.from(text, 'base64'));
  const bytes = Buffer.from(new ArrayBuffer(Math.ceil(text.length / 4) * 3));
  let written = 0;
  for (let at = 0; at < text.length; at += BASE64_CHUNK) {
    written += bytes.write(text.slice(at, at + BASE64_CHUNK), written, 'base64');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return new Uint8Array(bytes.buffer, 0, written);
}
