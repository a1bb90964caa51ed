// Just enough PNG for the app package: write 8-bit RGBA images (the icons) and read one back to
// check its size and transparency. Node only (node:zlib).
import { deflateSync, inflateSync } from "node:zlib";

export interface RgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, row by row, R G B A. */
  pixels: Uint8Array;
}

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes an RGBA image (filter type 0 on every row; icons are tiny). */
export function encodePng(image: RgbaImage): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const stride = image.width * 4;
  const raw = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(image.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array()),
  ]);
}

export interface PngInfo {
  width: number;
  height: number;
  /** PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colourType: number;
  bitDepth: number;
  /** True when the file can hold transparency at all (an alpha channel or a tRNS chunk). */
  hasAlpha: boolean;
}

export class PngError extends Error {
  override readonly name = "PngError";
}

function readChunks(bytes: Uint8Array): { type: string; data: Buffer }[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 8 || !buffer.subarray(0, 8).equals(SIGNATURE)) throw new PngError("not a PNG file");
  const chunks: { type: string; data: Buffer }[] = [];
  let offset = 8;
  while (offset + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("ascii", offset + 4, offset + 8);
    if (offset + 12 + length > buffer.length) throw new PngError(`truncated ${type} chunk`);
    chunks.push({ type, data: buffer.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
    if (type === "IEND") break;
  }
  return chunks;
}

/** Reads the header: size, colour type and whether transparency is possible. */
export function readPngInfo(bytes: Uint8Array): PngInfo {
  const chunks = readChunks(bytes);
  const ihdr = chunks[0];
  if (!ihdr || ihdr.type !== "IHDR" || ihdr.data.length < 13) throw new PngError("missing IHDR header");
  const colourType = ihdr.data[9] ?? -1;
  return {
    width: ihdr.data.readUInt32BE(0),
    height: ihdr.data.readUInt32BE(4),
    bitDepth: ihdr.data[8] ?? 0,
    colourType,
    hasAlpha: colourType === 4 || colourType === 6 || chunks.some((c) => c.type === "tRNS"),
  };
}

/**
 * Decodes an 8-bit, non-interlaced grey+alpha or RGBA PNG to RGBA (the formats an icon with real
 * transparency uses). Other formats are refused with a reason the administrator can act on.
 */
export function decodePng(bytes: Uint8Array): RgbaImage {
  const info = readPngInfo(bytes);
  const chunks = readChunks(bytes);
  const ihdr = chunks[0]!.data;
  if (info.bitDepth !== 8) throw new PngError(`bit depth ${info.bitDepth} is not supported (save as 8-bit RGBA)`);
  if (ihdr[12] !== 0) throw new PngError("interlaced PNGs are not supported (save without interlacing)");
  const channels =
    info.colourType === 6 ? 4 : info.colourType === 4 ? 2 : info.colourType === 2 ? 3 : info.colourType === 0 ? 1 : 0;
  if (channels === 0) throw new PngError("palette PNGs are not supported (save as 8-bit RGBA)");
  const data = inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const stride = info.width * channels;
  if (data.length < (stride + 1) * info.height) throw new PngError("image data is shorter than its header says");
  const rows = new Uint8Array(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = data[y * (stride + 1)];
    const source = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = rows.subarray(y * stride, (y + 1) * stride);
    const previous = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = previous[x]!;
      const c = x >= channels ? previous[x - channels]! : 0;
      const value = source[x]!;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) >>> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a),
            pb = Math.abs(p - b),
            pc = Math.abs(p - c);
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new PngError(`unknown row filter ${filter}`);
      }
      row[x] = (value + predicted) & 0xff;
    }
  }
  const pixels = new Uint8Array(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) {
    const s = i * channels;
    if (channels === 4) pixels.set(rows.subarray(s, s + 4), i * 4);
    else if (channels === 3) pixels.set([rows[s]!, rows[s + 1]!, rows[s + 2]!, 255], i * 4);
    else if (channels === 2) pixels.set([rows[s]!, rows[s]!, rows[s]!, rows[s + 1]!], i * 4);
    else pixels.set([rows[s]!, rows[s]!, rows[s]!, 255], i * 4);
  }
  return { width: info.width, height: info.height, pixels };
}
