import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArticleFile } from '../../knowledge/articleFile.js';
import { addQuestion, removeQuestion, renderArticle, yamlScalar, type NewArticle } from '../../staff/articleEdit.js';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';

const bundledText = (id: string) => readFile(path.join(PROJECT_ROOT, 'knowledge/articles', `${id}.md`), 'utf8');

describe('adding a question to an article file', () => {
  it('inserts one line after the last French question and leaves every other line as it was', async () => {
    const before = await bundledText('reset-password');
    const after = addQuestion(before, 'fr', 'mot de pase oublié');
    const [a, b] = [before.split('\n'), after.split('\n')];
    const at = a.indexOf('    - je me souviens plus de mon mot de passe') + 1;
    expect(b).to.have.length(a.length + 1);
    expect(b[at]).to.equal('    - mot de pase oublié');
    expect([...b.slice(0, at), ...b.slice(at + 1)]).to.deep.equal(a);
  });

  it('adds to the English list of an article with a flow, and the result parses with the question last', async () => {
    const after = addQuestion(await bundledText('antivirus-blocked'), 'en', 'Defender deleted scriba.exe');
    const parsed = parseArticleFile('knowledge/articles/antivirus-blocked.md', after);
    expect(parsed.problems).to.deep.equal([]);
    expect(parsed.article!.questions.en.at(-1)).to.equal('Defender deleted scriba.exe');
    expect(parsed.article!.flow).to.not.equal(undefined);
  });

  it('quotes a question YAML would read otherwise', async () => {
    for (const question of ['Erreur : accès refusé', '# pas un commentaire', 'yes', '- tiret', "l'app dit \"non\"", '12']) {
      const after = addQuestion(await bundledText('install'), 'fr', question);
      expect(parseArticleFile('knowledge/articles/install.md', after).article?.questions.fr.at(-1), question).to.equal(question);
    }
  });

  it('keeps Windows line ends and a byte-order mark', async () => {
    const windows = `\uFEFF${(await bundledText('install')).replace(/\n/g, '\r\n')}`;
    const after = addQuestion(windows, 'fr', 'installer sur un portable');
    expect(after.startsWith('\uFEFF---\r\n')).to.equal(true);
    expect(after.replace(/\r\n/g, '')).to.not.include('\n');
  });

  it('falls back to the Document API for a list written [in, flow, style]', () => {
    const text = '---\nid: x\n# keep me\nquestions: { fr: [un, deux], en: [one] }\n---\nbody\n';
    const after = addQuestion(text, 'fr', 'trois');
    expect(after).to.include('# keep me').and.include('[ un, deux, trois ]').and.match(/\n---\nbody\n$/);
  });

  it('writes a plain scalar when it reads back the same, quotes otherwise', () => {
    expect(yamlScalar("J'ai oublié mon mot de passe")).to.equal("J'ai oublié mon mot de passe");
    expect(yamlScalar('true')).to.equal('"true"');
  });
});

describe('removing a question from an article file (a question moved to another article)', () => {
  it('removes exactly its line, found as typed differently, and the article still parses', async () => {
    const before = await bundledText('reset-password');
    const after = removeQuestion(before, 'fr', 'j ai oublie mon mot de passe');
    const [a, b] = [before.split('\n'), after.split('\n')];
    const at = a.indexOf("    - J'ai oublié mon mot de passe");
    expect([...b.slice(0, at), a[at], ...b.slice(at)]).to.deep.equal(a);
    expect(parseArticleFile('knowledge/articles/reset-password.md', after).article!.questions.fr).to.not.include("J'ai oublié mon mot de passe");
  });

  it('says so when the article has no such question', async () => {
    const text = await bundledText('install');
    expect(() => removeQuestion(text, 'en', 'never asked')).to.throw(/'questions.en' has no question "never asked"/);
  });

  it('removes from a list written [in, flow, style]', async () => {
    const text = (await bundledText('install')).replace(/ {2}en:\n(?: {4}- .*\n)+/, '  en: [one, "two, three", four, five]\n');
    const parsed = parseArticleFile('knowledge/articles/install.md', removeQuestion(text, 'en', 'two, three'));
    expect(parsed.problems).to.deep.equal([]);
    expect(parsed.article!.questions.en).to.deep.equal(['one', 'four', 'five']);
  });
});

describe('rendering a new article file', () => {
  const article: NewArticle = {
    id: 'scanner-not-found',
    level: 2,
    tags: ['scan', 'drivers'],
    related: ['scan-documents'],
    title: { fr: 'Le scanner n’est pas détecté', en: 'The scanner is not detected' },
    questions: { fr: ['scanner introuvable', 'mon scanner n’apparaît pas', 'Scriba ne voit pas le scanner'], en: ['scanner not found', 'my scanner does not show up', 'Scriba does not see the scanner'] },
    answer: { fr: 'Vérifiez le câble USB.\r\n\r\nPuis redémarrez.', en: 'Check the USB cable.\n\nThen restart.' },
  };

  it('lays it out like the bundled articles, and it parses without problems', async () => {
    const text = renderArticle(article);
    expect(text.split('\n').slice(0, 9)).to.deep.equal([
      '---', 'id: scanner-not-found', 'level: 2', 'tags: [scan, drivers]', 'related: [scan-documents]', 'title:',
      '  fr: Le scanner n’est pas détecté', '  en: The scanner is not detected', 'questions:',
    ]);
    expect(text).to.include('<!-- fr -->\nVérifiez le câble USB.\n\nPuis redémarrez.\n<!-- en -->\nCheck the USB cable.');
    const parsed = parseArticleFile('knowledge/articles/scanner-not-found.md', text);
    expect(parsed.problems).to.deep.equal([]);
    expect(parsed.article).to.deep.include({ id: 'scanner-not-found', level: 2, related: ['scan-documents'] });
  });

  it('quotes tags that YAML would not read as text', () => {
    expect(renderArticle({ ...article, tags: ['null', 'a, b', '2fa'] })).to.include('tags: ["null", "a, b", "2fa"]');
  });
});
