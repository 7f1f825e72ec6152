import { expect } from 'chai';
import { isGuid, teamsAppIdFor, uuidV5 } from '../../teams/ids.js';

describe('GUIDs of the Teams app', () => {
  it('computes name-based UUIDs as RFC 9562 does (version 5, the DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).to.equal('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives a version-5 app id from the bot id, ignoring its case', () => {
    const id = teamsAppIdFor('3F2504E0-4F89-11D3-9A0C-0305E82C3301');
    expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(teamsAppIdFor('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).to.equal(id);
  });

  const cases: Array<[string, boolean]> = [
    ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', true],
    ['3F2504E0-4F89-11D3-9A0C-0305E82C3301', true],
    ['3f2504e04f8911d39a0c0305e82c3301', false],
    ['{3f2504e0-4f89-11d3-9a0c-0305e82c3301}', false],
    ['3f2504e0-4f89-11d3-9a0c-0305e82c330', false],
    ['', false],
  ];
  for (const [value, expected] of cases) {
    it(`${expected ? 'accepts' : 'refuses'} '${value}' as a GUID`, () => {
      expect(isGuid(value)).to.equal(expected);
    });
  }
});
