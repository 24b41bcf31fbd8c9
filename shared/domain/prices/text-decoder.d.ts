/**
 * shared/ compiles without the DOM and Node libraries, yet every runtime we ship to
 * (Electron main, renderer, Node 24 in tests) has the WHATWG TextDecoder with full ICU.
 * These are module types rather than globals on purpose: the renderer and electron
 * builds also compile shared/ and already declare a global TextDecoder, so a second
 * global declaration would clash there.
 */
export interface TextDecoderLike {
  decode(input: Uint8Array): string;
}

export type TextDecoderConstructor = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;
