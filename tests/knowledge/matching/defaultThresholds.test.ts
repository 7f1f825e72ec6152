import { expect } from 'chai';
import { chooseBundledThresholds } from '../../../bench/bundled.js';
import { DEFAULT_THRESHOLDS } from '../../../knowledge/matching/defaultThresholds.js';
import { bundled } from '../../helpers/bundledKb.js';

describe("the bot's default thresholds", () => {
  it('are the ones the validation split of the bundled KB chooses, not numbers picked by hand', async () => {
    const { kb } = await bundled();
    const chosen = chooseBundledThresholds(kb);
    const rounded = { answer: Math.round(chosen.answer * 1000) / 1000, clarify: Math.round(chosen.clarify * 1000) / 1000 };
    expect(DEFAULT_THRESHOLDS, 'after a KB change, run `npm run bench:matching -- --only bundled` and copy its thresholds into knowledge/matching/defaultThresholds.ts').to.deep.equal(rounded);
  });
});
