// Words sent with files: those that only present them are not a question.
import { expect } from 'chai';
import { onlyPresentsFiles } from '../../dialogs/files.js';

describe('words that only present the files sent with them', () => {
  const presenting = ['', 'voila la capture', "voilà la capture de l'erreur", 'ci-joint le log', 'voici mes captures d ecran', 'tiens, le fichier', 'here is the screenshot', "here's the log file", 'heres the screenshot', 'see attached', 'PJ', 'voila le screen merci'];
  for (const text of presenting) it(`${JSON.stringify(text)} presents them`, () => expect(onlyPresentsFiles(text)).to.equal(true));
  const asking = ["l'export pdf bloque a 99%, voila la capture", 'voila le log, ca plante au demarrage', 'here is the screenshot, login fails', 'mot de passe oublie', 'ok'];
  for (const text of asking) it(`${JSON.stringify(text)} says more`, () => expect(onlyPresentsFiles(text)).to.equal(false));
});
