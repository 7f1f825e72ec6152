// The few-shot benchmark's draw: k examples per intent, the same for a seed, validation and test whole.
import { expect } from 'chai';
import { fewShot, type IntentDataset } from '../../bench/datasets.js';

describe('a few-shot draw of an intent dataset', () => {
  const ds: IntentDataset = {
    name: 'tiny',
    train: ['balance', 'transfer', 'card'].flatMap((label) => Array.from({ length: 20 }, (_, i) => ({ text: `${label} ${i}`, label }))),
    val: [{ text: 'my balance', label: 'balance' }],
    test: [{ text: 'send money', label: 'transfer' }],
    oosVal: ['weather'],
    oosTest: ['pizza'],
  };

  it('keeps k distinct examples of every intent, and validation and test whole', () => {
    const five = fewShot(ds, 5, 1);
    for (const label of ['balance', 'transfer', 'card']) {
      const texts = five.train.filter((e) => e.label === label).map((e) => e.text);
      expect(new Set(texts).size, label).to.equal(5);
    }
    expect(five.train).to.have.length(15);
    expect([five.val, five.test, five.oosVal, five.oosTest]).to.deep.equal([ds.val, ds.test, ds.oosVal, ds.oosTest]);
  });

  it('draws the same examples for a seed and others for another seed', () => {
    expect(fewShot(ds, 5, 2).train).to.deep.equal(fewShot(ds, 5, 2).train);
    expect(fewShot(ds, 5, 2).train).not.to.deep.equal(fewShot(ds, 5, 3).train);
  });

  it('takes every example of an intent that has fewer than k', () => {
    expect(fewShot(ds, 50, 1).train).to.have.length(60);
  });
});
