import { crc32, deflateSync } from 'node:zlib';

export type Rgb = readonly [number, number, number];

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A small valid PNG made in code, so the demo needs no image files: a background colour with a
 * lighter disc in the middle, like an avatar placeholder. 8-bit RGB, no interlacing.
 */
export function avatarPng(background: Rgb, size = 96): Buffer {
  const disc: Rgb = [
    Math.round(background[0] + (255 - background[0]) * 0.45),
    Math.round(background[1] + (255 - background[1]) * 0.45),
    Math.round(background[2] + (255 - background[2]) * 0.45),
  ];
  const centre = (size - 1) / 2;
  const radius = size * 0.3;
  const rowLength = 1 + size * 3; // a filter-type byte (0 = none), then RGB triples
  const pixels = Buffer.alloc(rowLength * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inDisc = (x - centre) ** 2 + (y - centre) ** 2 <= radius ** 2;
      pixels.set(inDisc ? disc : background, y * rowLength + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type 2 (RGB), deflate, filter 0, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Evenly spread, saturated colours: distinct for each index up to `count`. */
export function distinctColour(index: number, count: number): Rgb {
  const hue = (index / Math.max(1, count)) * 360;
  return hslToRgb(hue, 0.55, 0.45);
}

function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const c = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - c / 2;
  const [r, g, b] =
    hue < 60
      ? [c, x, 0]
      : hue < 120
        ? [x, c, 0]
        : hue < 180
          ? [0, c, x]
          : hue < 240
            ? [0, x, c]
            : hue < 300
              ? [x, 0, c]
              : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}
