// A tiny anti-aliased rasteriser for the app icons: shapes are membership tests in a unit square,
// painted in order and supersampled, then encoded as PNG with pngjs.
import { PNG } from 'pngjs';

export type Rgba = readonly [r: number, g: number, b: number, a: number];
/** true when the point (x, y) of the unit square (y downwards) is inside */
export type Shape = (x: number, y: number) => boolean;
/** `clear` erases what is below to transparent */
export interface Layer {
  shape: Shape;
  paint: Rgba | 'clear';
}
type Point = readonly [number, number];

export const everywhere: Shape = () => true;

export function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

export function roundedRect(x0: number, y0: number, x1: number, y1: number, r = 0): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function inPolygon(points: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment([ax, ay]: Point, [bx, by]: Point, x: number, y: number): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function distanceToPath(points: readonly Point[], closed: boolean, x: number, y: number): number {
  let best = Infinity;
  const last = closed ? points.length : points.length - 1;
  for (let i = 0; i < last; i++) best = Math.min(best, distanceToSegment(points[i]!, points[(i + 1) % points.length]!, x, y));
  return best;
}

/** The polygon, grown by `grow` on every side. */
export function polygon(points: readonly Point[], grow = 0): Shape {
  return (x, y) => inPolygon(points, x, y) || (grow > 0 && distanceToPath(points, true, x, y) <= grow);
}

/** The inner border of the polygon, `width` thick. */
export function outline(points: readonly Point[], width: number): Shape {
  return (x, y) => inPolygon(points, x, y) && distanceToPath(points, true, x, y) <= width;
}

/** An open line through the points, `width` thick, with round ends. */
export function polyline(points: readonly Point[], width: number): Shape {
  return (x, y) => distanceToPath(points, false, x, y) <= width / 2;
}

/** Renders the layers into a size x size PNG; `samples`² samples per pixel smooth the edges. */
export function renderPng(size: number, layers: readonly Layer[], samples = 4): Buffer {
  const png = new PNG({ width: size, height: size });
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0]; // premultiplied sums
      for (let s = 0; s < n; s++) {
        const x = (px + ((s % samples) + 0.5) / samples) / size;
        const y = (py + (Math.floor(s / samples) + 0.5) / samples) / size;
        let colour: Rgba = [0, 0, 0, 0];
        for (const layer of layers) if (layer.shape(x, y)) colour = layer.paint === 'clear' ? [0, 0, 0, 0] : layer.paint;
        const alpha = colour[3] / 255;
        r += colour[0] * alpha;
        g += colour[1] * alpha;
        b += colour[2] * alpha;
        a += alpha;
      }
      const i = (py * size + px) * 4;
      png.data[i] = a > 0 ? Math.round(r / a) : 0;
      png.data[i + 1] = a > 0 ? Math.round(g / a) : 0;
      png.data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / n) * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}
