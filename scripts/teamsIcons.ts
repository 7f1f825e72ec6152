// npm run teams:icons: draws teams/color.png (192x192) and teams/outline.png (32x32) for the Teams
// app package. Run it again after changing teams/drawIcons.ts, and commit the PNGs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon } from '../teams/drawIcons.js';
import { TEAMS_DIR } from '../teams/package.js';

for (const [file, png] of [['color.png', drawColorIcon()], ['outline.png', drawOutlineIcon()]] as const) {
  writeFileSync(join(TEAMS_DIR, file), png);
  console.log(`wrote ${join('teams', file)} (${png.length} bytes)`);
}
