import { expect } from 'chai';
import { csvCell, toCsv } from '../../staff/csv.js';

describe('CSV for spreadsheets', () => {
  const cases: Array<[string, string]> = [
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+33612345678', "'+33612345678"],
    ['-1', "'-1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', `"'\rreturn"`],
    ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
    ['mot de passe oublié', 'mot de passe oublié'],
    ['a, b', '"a, b"'],
    ['il a dit "non"', '"il a dit ""non"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['1-2', '1-2'],
  ];
  for (const [value, expected] of cases) {
    it(`writes ${JSON.stringify(value)} as ${JSON.stringify(expected)}`, () => {
      expect(csvCell(value)).to.equal(expected);
    });
  }

  it('writes empty cells for missing values and numbers as they are', () => {
    expect([csvCell(undefined), csvCell(null), csvCell(0.75), csvCell(3)]).to.deep.equal(['', '', '0.75', '3']);
  });

  it('starts with a byte-order mark and ends every row with CRLF', () => {
    const csv = toCsv(['reference', 'reason'], [['L1-20261123-0001', '=1+1'], ['L1-20261123-0002', 'facture en double']]);
    expect(csv).to.equal("\uFEFFreference,reason\r\nL1-20261123-0001,'=1+1\r\nL1-20261123-0002,facture en double\r\n");
  });
});
