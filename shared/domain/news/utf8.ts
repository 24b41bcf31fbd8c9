/**
 * UTF-8 decoding without TextDecoder (shared code is typed without DOM or Node
 * globals). Invalid sequences become U+FFFD and are counted, which is how
 * binary files are told from text.
 */
export interface DecodedText {
  text: string;
  invalid: number;
}

export function decodeUtf8(bytes: Uint8Array): DecodedText {
  let text = '';
  let invalid = 0;
  let i = 0;
  const cont = (k: number): number | null => {
    const b = bytes[i + k];
    return b !== undefined && (b & 0xc0) === 0x80 ? b & 0x3f : null;
  };
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let cp: number | null = null;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b < 0xe0) {
      const c1 = cont(1);
      if (c1 !== null) [cp, len] = [((b & 0x1f) << 6) | c1, 2];
    } else if (b >= 0xe0 && b < 0xf0) {
      const [c1, c2] = [cont(1), cont(2)];
      if (c1 !== null && c2 !== null) [cp, len] = [((b & 0x0f) << 12) | (c1 << 6) | c2, 3];
      if (cp !== null && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) [cp, len] = [null, 1];
    } else if (b >= 0xf0 && b < 0xf5) {
      const [c1, c2, c3] = [cont(1), cont(2), cont(3)];
      if (c1 !== null && c2 !== null && c3 !== null) [cp, len] = [((b & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, 4];
      if (cp !== null && (cp < 0x10000 || cp > 0x10ffff)) [cp, len] = [null, 1];
    }
    if (cp === null) {
      invalid += 1;
      text += '\ufffd';
    } else text += String.fromCodePoint(cp);
    i += len;
  }
  return { text, invalid };
}
