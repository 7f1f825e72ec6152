// The Scriba assistant's icons: a document with a speech bubble, in full colour (192x192) and as a
// white outline on transparent (32x32). `npm run teams:icons` writes them into teams/.
import { ICON_SIZES } from './icons.js';
import { circle, everywhere, outline, polygon, renderPng, roundedRect, type Layer, type Rgba, type Shape } from './raster.js';

const ACCENT: Rgba = [0x2f, 0x5a, 0xa8, 255]; // = accentColor in manifest.json
const WHITE: Rgba = [255, 255, 255, 255];
const FOLD: Rgba = [0xc9, 0xd6, 0xee, 255];
const TEXT: Rgba = [0x8f, 0xa8, 0xd6, 255];
const BUBBLE: Rgba = [0xff, 0xb0, 0x20, 255];

// The glyph in its own unit square, on a 30x30 grid so that the 32x32 outline (one pixel of margin)
// has crisp edges: a page with a folded corner, and a speech bubble over its bottom-right corner.
const u = (...xy: [number, number]) => [xy[0] / 30, xy[1] / 30] as const;
const PAGE = [u(0, 0), u(14, 0), u(20, 6), u(20, 26), u(0, 26)];
const FOLD_CORNER = [u(14, 0), u(14, 6), u(20, 6)];
const BUBBLE_BODY = { x0: 12 / 30, y0: 16 / 30, x1: 1, y1: 27 / 30, r: 3 / 30 };
const BUBBLE_TAIL = [u(16, 26.5), u(21, 26.5), u(15, 30)];
const DOTS = [17, 21, 25].map((x) => ({ cx: x / 30, cy: 21.5 / 30 }));
const bar = (x0: number, y0: number, x1: number, y1: number) => roundedRect(x0 / 30, y0 / 30, x1 / 30, y1 / 30, (y1 - y0) / 60);

function bubble(grow: number): Shape {
  const body = roundedRect(BUBBLE_BODY.x0 - grow, BUBBLE_BODY.y0 - grow, BUBBLE_BODY.x1 + grow, BUBBLE_BODY.y1 + grow, BUBBLE_BODY.r + grow);
  const tail = polygon(BUBBLE_TAIL, grow);
  return (x, y) => body(x, y) || tail(x, y);
}

/** The glyph's unit square drawn at [offset, offset + scale] of the icon's. */
function placed(offset: number, scale: number, layers: Layer[]): Layer[] {
  return layers.map(({ shape, paint }) => ({ shape: (x, y) => shape((x - offset) / scale, (y - offset) / scale), paint }));
}

export function drawColorIcon(size: number = ICON_SIZES.color): Buffer {
  const lines = [bar(4, 8, 16, 10), bar(4, 12, 16, 14), bar(4, 16, 9, 18)];
  return renderPng(size, [
    { shape: everywhere, paint: ACCENT },
    // Teams shows the colour icon in a rounded square: the glyph keeps clear of the corners.
    ...placed(0.2, 0.6, [
      { shape: polygon(PAGE), paint: WHITE },
      { shape: polygon(FOLD_CORNER), paint: FOLD },
      ...lines.map((shape) => ({ shape, paint: TEXT })),
      { shape: bubble(1.5 / 30), paint: ACCENT },
      { shape: bubble(0), paint: BUBBLE },
      ...DOTS.map(({ cx, cy }) => ({ shape: circle(cx, cy, 1.35 / 30), paint: WHITE })),
    ]),
  ]);
}

export function drawOutlineIcon(size: number = ICON_SIZES.outline): Buffer {
  const margin = 1 / size;
  const stroke = 2 / 30; // two pixels at 32x32
  return renderPng(
    size,
    placed(margin, 1 - 2 * margin, [
      { shape: outline(PAGE, stroke), paint: WHITE },
      { shape: polygon(FOLD_CORNER), paint: WHITE },
      { shape: bar(4, 8, 14, 10), paint: WHITE },
      { shape: bar(4, 13, 9, 15), paint: WHITE },
      { shape: bubble(stroke), paint: 'clear' },
      { shape: bubble(0), paint: WHITE },
      ...DOTS.map(({ cx, cy }) => ({ shape: circle(cx, cy, 1.5 / 30), paint: 'clear' as const })),
    ]),
    8,
  );
}
