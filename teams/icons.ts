// What Teams requires of the app icons: a 192x192 full-colour PNG and a 32x32 PNG drawn in white
// on a transparent background.
import { PNG } from 'pngjs';

export const ICON_SIZES = { color: 192, outline: 32 } as const;
export type IconKind = keyof typeof ICON_SIZES;

const KIND_NAMES: Record<IconKind, string> = { color: 'colour icon', outline: 'outline icon' };

/** Problems with one icon, each starting with `label`; empty when Teams will take it. */
export function checkIcon(kind: IconKind, png: Buffer, label: string): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (err) {
    return [`${label}: the ${KIND_NAMES[kind]} is not a readable PNG file (${err instanceof Error ? err.message : String(err)})`];
  }
  const size = ICON_SIZES[kind];
  if (image.width !== size || image.height !== size) {
    return [`${label}: the ${KIND_NAMES[kind]} must be ${size}x${size} pixels (got ${image.width}x${image.height})`];
  }
  return kind === 'outline' ? checkWhiteOnTransparent(image, label) : [];
}

// Anti-aliased edges are fine: a pixel may be partly transparent, as long as its colour is white.
function checkWhiteOnTransparent(image: PNG, label: string): string[] {
  let wrong = 0;
  let first = '';
  let visible = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const [r, g, b, a] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!, image.data[i + 3]!];
      if (a === 0) continue;
      visible++;
      if (r !== 255 || g !== 255 || b !== 255) {
        if (wrong++ === 0) first = ` (first at ${x},${y}: rgba(${r}, ${g}, ${b}, ${a}))`;
      }
    }
  }
  if (wrong > 0) return [`${label}: the outline icon must be white on a transparent background; ${wrong} pixels are another colour${first}`];
  if (visible === 0) return [`${label}: the outline icon is fully transparent: nothing would show`];
  return [];
}
