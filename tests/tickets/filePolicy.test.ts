// What a customer may send: the type read from the bytes, never from the name; names made safe.
import { expect } from 'chai';
import { checkFile, MAX_FILE_BYTES, safeFileName } from '../../tickets/filePolicy.js';

const bytes = {
  png: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(40)]),
  jpeg: Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(40)]),
  pdf: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
  // a real archive holding logs/app.log (Python's zipfile)
  zip: Buffer.from('504b03041400000000005a22815deedfdfef07000000070000000c0000006c6f67732f6170702e6c6f674552524f522078504b010214031400000000005a22815deedfdfef07000000070000000c00000000000000000000008001000000006c6f67732f6170702e6c6f67504b050600000000010001003a000000310000000000', 'hex'),
  log: Buffer.from('2026-11-30 09:12:01 ERROR export PDF: accès refusé\r\n\tat Export.run()\n'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]),
  script: Buffer.from('del /q C:\\*\n'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  binaryLog: Buffer.from([0x45, 0x52, 0x00, 0x01, 0x02]),
};

describe('which files a customer may send', () => {
  const table: Array<[string, Buffer, string]> = [
    ['capture.png', bytes.png, 'image/png'],
    ['IMG_2041.JPG', bytes.jpeg, 'image/jpeg'],
    ['photo.png', bytes.jpeg, 'image/jpeg'], // misnamed: served as what it is
    ['facture.pdf', bytes.pdf, 'application/pdf'],
    ['logs.zip', bytes.zip, 'application/zip'],
    ['export.log', bytes.log, 'text/plain; charset=utf-8'],
    ['notes.TXT', bytes.log, 'text/plain; charset=utf-8'],
  ];
  for (const [name, content, type] of table) {
    it(`keeps ${name} as ${type}`, async () => {
      expect(await checkFile(name, content)).to.deep.equal({ ok: true, name, contentType: type });
    });
  }

  const refused: Array<[string, Buffer, string, string]> = [
    ['setup.exe', bytes.exe, 'type', 'a program'],
    ['facture.pdf', bytes.exe, 'type', 'a program renamed as a PDF'],
    ['nettoyage.bat', bytes.script, 'type', 'a script (text, but staff would run it)'],
    ['logo.svg', bytes.svg, 'type', 'an SVG (it can hold scripts)'],
    ['dump.log', bytes.binaryLog, 'type', 'binary bytes named .log'],
    ['vide.txt', Buffer.alloc(0), 'empty', 'an empty file'],
  ];
  for (const [name, content, reason, what] of refused) {
    it(`refuses ${what} (${reason})`, async () => {
      expect(await checkFile(name, content)).to.deep.include({ ok: false, reason });
    });
  }

  it('refuses a file over 10 MB by its size, whatever its first bytes', async () => {
    expect(await checkFile('video.png', bytes.png, MAX_FILE_BYTES + 1)).to.deep.include({ ok: false, reason: 'size' });
    expect(await checkFile('big.png', bytes.png, MAX_FILE_BYTES)).to.deep.include({ ok: true });
  });
});

describe('file names as kept and downloaded', () => {
  const table: Array<[string, string]> = [
    ['capture écran 2026-11-30.png', 'capture écran 2026-11-30.png'],
    ['C:\\Users\\elodie\\Desktop\\erreur.png', 'erreur.png'],
    ['../../etc/passwd', 'passwd'],
    ['.htaccess', 'htaccess'],
    ['facture\u202Egpj.exe', 'facturegpj.exe'], // a right-to-left override would show "exe.jpg"
    ['a<b>:c"d|e?f*.log', 'abcdef.log'],
    ['line\nbreak\t.txt', 'line break .txt'],
    ['...', 'file'],
  ];
  for (const [given, kept] of table) {
    it(`${JSON.stringify(given)} → ${JSON.stringify(kept)}`, () => expect(safeFileName(given)).to.equal(kept));
  }

  it('shortens a long name to 120 characters and keeps its extension', () => {
    const name = safeFileName(`${'rapport '.repeat(30)}final.log`);
    expect(name).to.have.length.at.most(120);
    expect(name).to.match(/\.log$/);
  });
});
