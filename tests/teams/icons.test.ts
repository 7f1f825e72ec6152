import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../teams/drawIcons.js';
import { checkIcon } from '../../teams/icons.js';
import { TEAMS_DIR } from '../../teams/package.js';

const committed = (file: string) => readFileSync(join(TEAMS_DIR, file));

describe('the Teams app icons', () => {
  it('are what Teams asks for: 192x192 in colour, 32x32 white on transparent', () => {
    expect(checkIcon('color', committed('color.png'), 'color.png')).to.deep.equal([]);
    expect(checkIcon('outline', committed('outline.png'), 'outline.png')).to.deep.equal([]);
  });

  it('in teams/ are the ones `npm run teams:icons` draws (rerun it after changing the drawing)', () => {
    expect(PNG.sync.read(committed('color.png')).data.equals(PNG.sync.read(drawColorIcon()).data)).to.equal(true);
    expect(PNG.sync.read(committed('outline.png')).data.equals(PNG.sync.read(drawOutlineIcon()).data)).to.equal(true);
  });

  it('draw the glyph over an opaque background in colour, and leave the outline\'s background transparent', () => {
    const color = PNG.sync.read(drawColorIcon());
    const outline = PNG.sync.read(drawOutlineIcon());
    const alphas = (png: PNG) => png.data.filter((_, i) => i % 4 === 3);
    expect(alphas(color).every((a) => a === 255)).to.equal(true);
    const visible = alphas(outline).filter((a) => a > 0).length;
    expect(visible).to.be.within(150, 700); // a line drawing: neither empty nor a filled square
  });
});
