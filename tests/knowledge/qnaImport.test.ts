import { expect } from 'chai';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArticleFile } from '../../knowledge/articleFile.js';
import { formatProblem } from '../../knowledge/problems.js';
import { importQnaTsv, QnaImportError, questionGap, slugify, type DraftArticle } from '../../knowledge/qnaImport.js';
import { renderDraft, unexpectedProblems } from '../../knowledge/qnaRender.js';
import { runScript } from '../helpers/processes.js';

const HEADER = ['Question', 'Answer', 'Source', 'Metadata', 'SuggestedQuestions', 'IsContextOnly', 'Prompts', 'QnaId'];
const INVOICE = 'Ouvrez **Facturation › Factures** puis cliquez sur **Télécharger (PDF)**.\\n\\nUne facture est émise à chaque renouvellement.';
const SCANNER = 'Sur quel système travaillez-vous ?';
const PROMPTS = '[{"displayOrder":1,"qnaId":3,"displayText":"Windows"},{"displayOrder":2,"qnaId":4,"displayText":"macOS"}]';
const billing = 'category:facturation|lang:fr';

// An export as the QnA Maker portal writes it, one row per question. The comment is the TSV line.
const FAQ = [
  HEADER, //                                                                                                   1
  ['Comment télécharger ma facture ?', INVOICE, 'Editorial', billing, '[]', 'False', '[]', '1'], //             2
  ['ou trouver mes factures scriba', INVOICE, 'Editorial', billing, '[]', 'False', '[]', '1'], //               3
  ['facture pdf', INVOICE, 'Editorial', billing, '[]', 'False', '[]', '1'], //                                   4
  ['besoin d’un duplicata de facture pour le comptable', INVOICE, 'Editorial', billing, '[]', 'False', '[]', '1'], // 5
  ["Mon scaner n'est pas détecté", SCANNER, 'Editorial', 'category:numérisation|lang:fr', '[]', 'False', PROMPTS, '2'], // 6
  ['le scanner ne marche plus', SCANNER, 'Editorial', 'category:numérisation|lang:fr', '[]', 'False', PROMPTS, '2'], // 7
  ['numérisation impossible', SCANNER, 'Editorial', 'category:numérisation|lang:fr', '[]', 'False', PROMPTS, '2'], // 8
  ['Windows', 'Installez le pilote TWAIN depuis `C:\\Scriba\\neuf`.', 'Editorial', 'lang:fr', '[]', 'True', '[]', '3'], // 9
  ['macOS', 'Autorisez Scriba dans **Réglages › Confidentialité**.', 'Editorial', 'lang:fr', '[]', 'True', '[]', '4'], // 10
  ['Comment résilier mon abonnement ?', '', 'Editorial', 'lang:fr', '[]', 'False', '[]', '5'], //               11
  ["Œuvre d'art à l'écran de connexion ?", "C'est le fond d'écran de la saison.", 'https://help.scriba.example/fr', 'category:divers|produit:plus|lang:fr', '[]', 'False', '[]', '6'], // 12
];

const tsv = (rows: string[][], end = '\n') => rows.map((row) => row.join('\t')).join(end) + end;
const faqText = tsv(FAQ);

/** FAQ without the lang metadata, for the language tests. */
const withoutLang = (rows: string[][]) => rows.map((row) => row.map((cell) => cell.replace(/\|?lang:fr/, '')));

describe('importQnaTsv', () => {
  const result = importQnaTsv(faqText);
  const byId = (id: string) => result.articles.find((a) => a.id === id)!;

  it('makes one article per QnaId, titled and named after its first question', () => {
    expect(result.articles.map((a) => [a.id, a.lines])).to.deep.equal([
      ['comment-telecharger-ma-facture', [2, 3, 4, 5]],
      ['mon-scaner-n-est-pas-detecte', [6, 7, 8]],
      ['oeuvre-d-art-a-l-ecran-de-connexion', [12]],
    ]);
    const invoice = byId('comment-telecharger-ma-facture');
    expect(invoice.title.fr).to.equal('Comment télécharger ma facture ?');
    expect(invoice.questions.fr).to.deep.equal([
      'Comment télécharger ma facture ?',
      'ou trouver mes factures scriba',
      'facture pdf',
      'besoin d’un duplicata de facture pour le comptable',
    ]);
    expect(invoice).to.deep.include({ level: 0, tags: ['facturation'], qnaId: '1', source: 'Editorial' });
  });

  it("turns the export's \\n into line breaks of the Markdown answer", () => {
    expect(byId('comment-telecharger-ma-facture').answer.fr).to.equal(
      'Ouvrez **Facturation › Factures** puis cliquez sur **Télécharger (PDF)**.\n\nUne facture est émise à chaque renouvellement.',
    );
  });

  it('keeps backslashes inside code spans, so Windows paths survive', () => {
    const { articles } = importQnaTsv(tsv([HEADER, ...[1, 2, 3].map((n) => [`pilote twain ${n}`, 'Copiez `C:\\Scriba\\neuf` puis redémarrez.\\nC’est tout.', '', 'lang:fr', '', '', '', '7'])]));
    expect(articles[0]!.answer.fr).to.equal('Copiez `C:\\Scriba\\neuf` puis redémarrez.\nC’est tout.');
  });

  it('fills the other language with TODO-translate copies of the French text', () => {
    const invoice = byId('comment-telecharger-ma-facture');
    expect(invoice).to.deep.include({ sourceLang: 'fr', translateInto: 'en' });
    expect(invoice.title.en).to.equal('TODO-translate: Comment télécharger ma facture ?');
    expect(invoice.questions.en[2]).to.equal('TODO-translate: facture pdf');
    expect(invoice.answer.en).to.match(/^TODO-translate: Ouvrez \*\*Facturation/);
  });

  it('reports what it did not map, by TSV line', () => {
    expect(result.problems.map((p) => `${p.line}: ${p.message}`)).to.deep.equal([
      "6: multi-turn prompts 'Windows' → QnA 3 (line 9), 'macOS' → QnA 4 (line 10) not imported: the answer was imported without its follow-up buttons",
      '9: context-only QnA (reachable only as a follow-up prompt of another answer): row not imported',
      '10: context-only QnA (reachable only as a follow-up prompt of another answer): row not imported',
      '11: answer is empty: row not imported',
      "12: metadata 'produit' (on 1 row) not imported: only 'category' (as tags) and 'lang' are",
    ]);
  });

  it('says which drafts have fewer than 3 questions', () => {
    expect(result.articles.map(questionGap)).to.deep.equal([undefined, undefined, 'needs at least 3 questions (has 1)']);
  });

  describe('choosing the language', () => {
    it("takes it from the 'lang' metadata", () => {
      expect(result).to.deep.include({ lang: 'fr', langFrom: 'metadata' });
    });

    it('lets --lang win over the metadata', () => {
      expect(importQnaTsv(faqText, { lang: 'en' })).to.deep.include({ lang: 'en', langFrom: 'option' });
    });

    it('detects it when there is no lang metadata', () => {
      expect(importQnaTsv(tsv(withoutLang(FAQ)))).to.deep.include({ lang: 'fr', langFrom: 'detected' });
      const english = tsv([HEADER, ...['How do I download my invoice?', 'where are my invoices', 'invoice pdf'].map((q) => [q, 'Open **Billing › Invoices** and click **Download (PDF)**.', 'Editorial', '', '[]', 'False', '[]', '1'])]);
      const { lang, langFrom, articles } = importQnaTsv(english);
      expect({ lang, langFrom }).to.deep.equal({ lang: 'en', langFrom: 'detected' });
      expect(articles[0]!.title).to.deep.equal({ en: 'How do I download my invoice?', fr: 'TODO-translate: How do I download my invoice?' });
    });

    it('refuses an export whose lang metadata names both languages', () => {
      const mixed = tsv([...FAQ, ['How do I cancel?', 'Open **Billing**.', 'Editorial', 'lang:en', '[]', 'False', '[]', '8']]);
      expect(() => importQnaTsv(mixed)).to.throw(QnaImportError, /lang:fr at line 2, lang:en at line 13.*--lang/);
    });

    it('flags a QnA that looks English in a French export', () => {
      const rows = [...withoutLang(FAQ), ...['How do I cancel my subscription?', 'cancel my plan please', 'I want to stop paying for Scriba'].map((q) => [q, 'Open **Billing › Subscription** and click **Cancel**. You keep access until the end of the paid period.', 'Editorial', '', '[]', 'False', '[]', '9'])];
      const { problems } = importQnaTsv(tsv(rows));
      expect(problems).to.deep.include({ line: 13, message: 'this QnA looks English but the file is imported as French: check it' });
    });
  });

  describe('older and hand-edited exports', () => {
    it('groups the 3-column export, which has no QnaId, by identical answer', () => {
      const legacy = tsv([
        ['Question', 'Answer', 'Source'],
        ['mot de passe oublié', 'Cliquez sur **Mot de passe oublié ?** sur l’écran de connexion.', 'Editorial'],
        ['Comment activer Scriba Plus ?', 'Saisissez la clé dans **Aide › Activer**.', 'Editorial'],
        ['mdp perdu', 'Cliquez sur **Mot de passe oublié ?** sur l’écran de connexion.', 'Editorial'],
      ]);
      const { articles } = importQnaTsv(legacy, { lang: 'fr' });
      expect(articles.map((a) => [a.id, a.lines, a.tags])).to.deep.equal([
        ['mot-de-passe-oublie', [2, 4], []],
        ['comment-activer-scriba-plus', [3], []],
      ]);
      expect(articles[0]).to.not.have.property('qnaId');
    });

    it('counts lines across quoted multi-line answers and Windows line ends, as Excel saves them', () => {
      const excel = tsv(
        [
          ['Question', 'Answer', 'Source', 'Metadata'], //                                          1
          ['mdp oublié', '"Deux étapes :\r\n1. Cliquez sur ""Mot de passe oublié ?""\r\n2. Suivez le lien"', 'Editorial', 'lang:fr'], // 2-4
          ['sans réponse', '', 'Editorial', 'lang:fr'], //                                           5
        ],
        '\r\n',
      );
      const { articles, problems } = importQnaTsv(excel);
      expect(articles[0]!.answer.fr).to.equal('Deux étapes :\n1. Cliquez sur "Mot de passe oublié ?"\n2. Suivez le lien');
      expect(problems).to.deep.equal([{ line: 5, message: 'answer is empty: row not imported' }]);
    });

    it('refuses a file without a Question and Answer header, naming what it found', () => {
      expect(() => importQnaTsv(tsv(FAQ.slice(1)))).to.throw(QnaImportError, /header row.*Question and Answer.*'Comment télécharger ma facture \?'/);
    });
  });

  describe('ids', () => {
    it('are lower-case ASCII words joined by dashes, cut between words at 60 characters', () => {
      const cases: Array<[string, string]> = [
        ['Où est passée ma clé de licence ?', 'ou-est-passee-ma-cle-de-licence'],
        ["Œuvres, cœur & ß — l'été", 'oeuvres-coeur-ss-l-ete'],
        ['Pourquoi la synchronisation avec le NAS Synology échoue-t-elle toutes les nuits ?', 'pourquoi-la-synchronisation-avec-le-nas-synology-echoue-t'],
        ['???', ''],
      ];
      for (const [question, id] of cases) expect(slugify(question), question).to.equal(id);
      expect(slugify('x'.repeat(80))).to.have.length(60);
    });

    it('get -2, -3 when taken by an earlier QnA or by a live article', () => {
      const rows = [HEADER, ...[1, 2, 3].map((n) => ['Facture ?', `Réponse ${n}.`, '', 'lang:fr', '', '', '', String(n)])];
      const { articles } = importQnaTsv(tsv(rows), { takenIds: ['facture'] });
      expect(articles.map((a) => a.id)).to.deep.equal(['facture-2', 'facture-3', 'facture-4']);
    });

    it('fall back to the QnA id when the question has no letters or digits', () => {
      const { articles } = importQnaTsv(tsv([HEADER, ['???', 'Posez votre question à support@scriba.example.', '', 'lang:fr', '', '', '', '42']]));
      expect(articles[0]!.id).to.equal('qna-42');
    });
  });
});

describe('renderDraft', () => {
  const [invoice, , artwork] = importQnaTsv(faqText).articles as [DraftArticle, DraftArticle, DraftArticle];
  const fileOf = (draft: DraftArticle) => `knowledge/drafts/${draft.id}.md`;

  it('writes a file the article parser reads back as the imported article', () => {
    const text = renderDraft(invoice, { from: 'faq.tsv' });
    const { article, problems } = parseArticleFile(fileOf(invoice), text);
    // Only the English copies awaiting translation are flagged, so the draft cannot go live as is.
    expect(problems.length).to.be.greaterThan(0);
    expect(problems.every((p) => p.message.includes('still needs translating'))).to.equal(true);
    expect(article).to.deep.include({ id: invoice.id, level: 0, tags: ['facturation'], related: [] });
    expect(article!.questions).to.deep.equal(invoice.questions);
    expect(article!.answer).to.deep.equal(invoice.answer);
    expect(text).to.match(/^---\n# Imported by npm run kb:import from faq\.tsv, lines 2-5 \(QnA 1, source: Editorial\)\./);
    expect(text).to.include('tags: [facturation]\n');
    expect(unexpectedProblems(fileOf(invoice), text, invoice)).to.deep.equal([]);
  });

  it('leaves only the question-count gap the import already reports', () => {
    const text = renderDraft(artwork);
    expect(parseArticleFile(fileOf(artwork), text).problems.map((p) => p.message).filter((m) => !m.includes('still needs translating'))).to.deep.equal([
      "'questions.fr' needs at least 3 questions (has 1)",
      "'questions.en' needs at least 3 questions (has 1)",
    ]);
    expect(unexpectedProblems(fileOf(artwork), text, artwork)).to.deep.equal([]);
  });

  it('reports any other problem the parser finds', () => {
    const tricky = { ...invoice, answer: { ...invoice.answer, fr: 'Voir ci-dessous.\n<!-- en -->\nSee below.' } };
    const problems = unexpectedProblems(fileOf(tricky), renderDraft(tricky), tricky).map(formatProblem);
    expect(problems.join('\n')).to.match(/knowledge\/drafts\/comment-telecharger-ma-facture\.md:\d+: second '<!-- en -->' marker/);
  });
});

/** Runs `npm run kb:import -- args` the way staff do (node + tsx), from the project root. */
const kbImport = (args: string[]) => runScript('knowledge/cli/kbImport.ts', args);

describe('npm run kb:import', () => {
  let dir: string;
  let faq: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kb-import-'));
    faq = path.join(dir, 'faq.tsv');
    await writeFile(faq, faqText);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints what it would write and what is left to do, and writes nothing on --dry-run', async () => {
    const out = path.join(dir, 'drafts');
    const { code, stdout } = await kbImport([faq, '--out', out, '--dry-run']);
    expect(code).to.equal(0);
    expect(stdout).to.match(/\(French, from the 'lang' metadata\).*dry run: nothing written/);
    expect(stdout).to.include('articles that would be written: 3');
    expect(stdout).to.include("needs translation: all 3 (their English fields start with 'TODO-translate:')");
    expect(stdout).to.match(/oeuvre-d-art-a-l-ecran-de-connexion\.md: needs at least 3 questions \(has 1\)/);
    expect(stdout).to.match(/faq\.tsv:11: answer is empty: row not imported/);
    expect(await readdir(dir)).to.deep.equal(['faq.tsv']);
  });

  it('writes drafts that parse, and will not overwrite them on a second run', async () => {
    const out = path.join(dir, 'drafts');
    expect((await kbImport([faq, '--out', out])).code).to.equal(0);
    const names = (await readdir(out)).sort();
    expect(names).to.deep.equal(['comment-telecharger-ma-facture.md', 'mon-scaner-n-est-pas-detecte.md', 'oeuvre-d-art-a-l-ecran-de-connexion.md']);
    const text = await readFile(path.join(out, names[0]!), 'utf8');
    expect(parseArticleFile(`knowledge/drafts/${names[0]}`, text).problems.filter((p) => !p.message.includes('still needs translating'))).to.deep.equal([]);

    const again = await kbImport([faq, '--out', out]);
    expect(again.code).to.equal(1);
    expect(again.stderr).to.match(/3 drafts already exist.*Nothing written/);
  });

  it('refuses an unknown language with the usage line', async () => {
    const { code, stderr } = await kbImport([faq, '--lang', 'de']);
    expect(code).to.equal(2);
    expect(stderr).to.match(/--lang must be fr or en \(got 'de'\)\nusage: npm run kb:import/);
  });
});
