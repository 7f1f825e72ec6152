import { expect } from 'chai';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeError } from '../../knowledge/knowledgeError.js';
import { checkKnowledge, loadKnowledge } from '../../knowledge/loadKnowledge.js';
import { formatProblem } from '../../knowledge/problems.js';
import { articleFixture } from '../helpers/articleFixture.js';

/** A small valid article (tests/helpers/articleFixture.ts says where its lines are). */
const article = (id: string, related: string[] = []) => articleFixture(id, { related });

const SYNONYMS = ['fr:', '  mdp: mot de passe', '  clé: clef', 'en:', '  pwd: password', ''].join('\n');

const temps: string[] = [];

/** Writes files under a fresh temp root; returns the root and its knowledge folder. */
async function knowledgeFolder(files: Record<string, string>): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kb-test-'));
  temps.push(root);
  const dir = path.join(root, 'knowledge');
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return { root, dir };
}

async function problemsIn(files: Record<string, string>): Promise<string[]> {
  const { root, dir } = await knowledgeFolder(files);
  return (await checkKnowledge(dir, { root })).problems.map(formatProblem);
}

after(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('checkKnowledge', () => {
  describe('a complete folder', () => {
    it('loads the articles in file-name order, with paths relative to the root', async () => {
      const { root, dir } = await knowledgeFolder({
        'articles/scan-documents.md': article('scan-documents', ['ocr-text-recognition']),
        'articles/ocr-text-recognition.md': article('ocr-text-recognition'),
        'synonyms.yaml': SYNONYMS,
      });
      const { kb, problems } = await checkKnowledge(dir, { root });
      expect(problems).to.deep.equal([]);
      expect(kb?.articles.map((a) => [a.id, a.file])).to.deep.equal([
        ['ocr-text-recognition', 'knowledge/articles/ocr-text-recognition.md'],
        ['scan-documents', 'knowledge/articles/scan-documents.md'],
      ]);
    });

    it('stores synonym keys without accents, so they match normalised tokens', async () => {
      const { root, dir } = await knowledgeFolder({ 'articles/install.md': article('install'), 'synonyms.yaml': SYNONYMS });
      const { kb } = await checkKnowledge(dir, { root });
      expect(kb?.synonyms).to.deep.equal({ fr: { mdp: 'mot de passe', cle: 'clef' }, en: { pwd: 'password' } });
    });

    it('makes paths relative to the current directory when no root is given', async () => {
      const { dir } = await knowledgeFolder({ 'articles/install.md': article('install'), 'synonyms.yaml': SYNONYMS });
      const { kb } = await checkKnowledge(dir);
      const expected = path.relative(process.cwd(), path.join(dir, 'articles', 'install.md')).split(path.sep).join('/');
      expect(kb?.articles[0]?.file).to.equal(expected);
    });
  });

  describe('a broken folder is reported at the line to fix', () => {
    const cases: { broken: string; files: Record<string, string>; expected: string[] }[] = [
      {
        broken: 'two files declare the same id',
        files: { 'articles/install.md': article('install'), 'articles/setup.md': article('install'), 'synonyms.yaml': SYNONYMS },
        expected: [
          `knowledge/articles/setup.md:2: 'id' is 'install' but the file is named 'setup.md'; they must match`,
          `knowledge/articles/setup.md:2: id 'install' is already used by knowledge/articles/install.md`,
        ],
      },
      {
        broken: 'a related id names no article',
        files: {
          'articles/install.md': article('install', ['uninstall', 'unistall']),
          'articles/uninstall.md': article('uninstall'),
          'synonyms.yaml': SYNONYMS,
        },
        expected: [`knowledge/articles/install.md:7: 'related' names unknown article 'unistall'`],
      },
      {
        broken: 'an article relates to itself',
        files: { 'articles/install.md': article('install', ['install']), 'synonyms.yaml': SYNONYMS },
        expected: [`knowledge/articles/install.md:6: 'related' lists the article itself ('install')`],
      },
      {
        broken: 'several files have problems: all are reported, file by file',
        files: {
          'articles/b-install.md': article('b-install').replace('<!-- en -->', '<!-- fr -->'),
          'articles/a-uninstall.md': article('a-uninstall', ['b-install']).replace('level: 0', 'level: 5'),
          'synonyms.yaml': SYNONYMS.replace('en:', 'eng:'),
        },
        expected: [
          `knowledge/articles/a-uninstall.md:3: 'level' must be one of 0, 1, 2, 3, 4 (got 5)`,
          `knowledge/articles/b-install.md:19: answer in English is missing: add a line '<!-- en -->' followed by the answer`,
          `knowledge/articles/b-install.md:21: second '<!-- fr -->' marker (first at line 19); each language needs exactly one`,
          `knowledge/synonyms.yaml:1: 'en' is missing`,
          `knowledge/synonyms.yaml:4: unknown field 'eng'`,
        ],
      },
      {
        broken: 'two articles share a question (case, accents and punctuation aside)',
        files: {
          'articles/install.md': article('install'),
          'articles/setup.md': article('setup').replace('Comment faire setup ?', 'comment faire INSTALL'),
          'synonyms.yaml': SYNONYMS,
        },
        expected: [`knowledge/articles/setup.md:11: the question "comment faire INSTALL" is already a question of article 'install' (knowledge/articles/install.md:11); a question belongs to one article`],
      },
      {
        broken: 'the articles folder is empty',
        files: { 'synonyms.yaml': SYNONYMS },
        expected: [`knowledge/articles:1: articles folder has no .md files`],
      },
      {
        broken: 'the synonyms file is missing',
        files: { 'articles/install.md': article('install') },
        expected: [`knowledge/synonyms.yaml:1: synonyms file is missing (it needs 'fr:' and 'en:' maps)`],
      },
      {
        broken: 'a synonym key is two words',
        files: { 'articles/install.md': article('install'), 'synonyms.yaml': SYNONYMS.replace('mdp:', 'mot passe:') },
        expected: [`knowledge/synonyms.yaml:2: key 'mot passe' in 'fr' must be one lower-case word (letters, digits and '-')`],
      },
      {
        broken: 'a synonym has no replacement',
        files: { 'articles/install.md': article('install'), 'synonyms.yaml': SYNONYMS.replace('pwd: password', 'pwd:') },
        expected: [`knowledge/synonyms.yaml:5: 'en.pwd' has no value`],
      },
      {
        broken: 'two synonym keys differ only by accents',
        files: { 'articles/install.md': article('install'), 'synonyms.yaml': SYNONYMS.replace('en:', '  cle: clef\nen:') },
        expected: [`knowledge/synonyms.yaml:4: key 'cle' in 'fr' is the same as 'clé' (line 3) once accents are removed`],
      },
      {
        broken: 'the synonyms file is not valid YAML',
        files: { 'articles/install.md': article('install'), 'synonyms.yaml': SYNONYMS.replace('mot de passe', '"mot de passe') },
        expected: [`knowledge/synonyms.yaml:2: YAML syntax error: Missing closing "quote (noticed at line 6)`],
      },
    ];

    for (const { broken, files, expected } of cases) {
      it(`when ${broken}`, async () => {
        expect(await problemsIn(files)).to.deep.equal(expected);
      });
    }

    it('does not call a link to a broken article unknown: the broken file is the one to fix', async () => {
      const problems = await problemsIn({
        'articles/install.md': article('install', ['uninstall']),
        'articles/uninstall.md': article('uninstall').replace('level: 0\n', ''),
        'synonyms.yaml': SYNONYMS,
      });
      expect(problems).to.deep.equal([`knowledge/articles/uninstall.md:1: 'level' is missing`]);
    });
  });

  describe('the bundled knowledge folder', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const REQUIRED: Record<number, string[]> = {
      0: ['reset-password', 'create-user', 'supported-databases', 'install', 'system-requirements', 'import-documents', 'search-documents', 'backup-restore', 'user-permissions', 'licence-transfer', 'update-program', 'contact-support'],
      1: ['invoice-question', 'activate-plus'],
      2: ['antivirus-blocked', 'export-datev', 'learn-documents'],
      3: ['database-problem', 'regex-help', 'api-config'],
      4: ['nas-problem', 'database-server-tuning', 'terminal-server'],
    };

    it('has no problem, and at least 40 articles in both languages', async () => {
      const { kb, problems } = await checkKnowledge(path.join(root, 'knowledge'), { root });
      expect(problems.map(formatProblem)).to.deep.equal([]);
      expect(kb!.articles.length).to.be.at.least(40);
    });

    it('holds the articles the support levels need, each at its level', async () => {
      const kb = await loadKnowledge(path.join(root, 'knowledge'), { root });
      const levelOf = new Map(kb.articles.map((a) => [a.id, a.level]));
      for (const [level, ids] of Object.entries(REQUIRED)) {
        for (const id of ids) expect(levelOf.get(id), id).to.equal(Number(level));
      }
      expect(kb.articles.find((a) => a.id === 'antivirus-blocked')!.flow, 'antivirus-blocked has a flow').to.not.equal(undefined);
    });
  });
});

describe('loadKnowledge', () => {
  it('returns the knowledge base when every file is valid', async () => {
    const { root, dir } = await knowledgeFolder({ 'articles/install.md': article('install'), 'synonyms.yaml': SYNONYMS });
    const kb = await loadKnowledge(dir, { root });
    expect(kb.articles.map((a) => a.id)).to.deep.equal(['install']);
  });

  it('throws a KnowledgeError listing every problem, one per line', async () => {
    const { root, dir } = await knowledgeFolder({ 'articles/install.md': article('install', ['nowhere']) });
    const error = await loadKnowledge(dir, { root }).then(
      () => expect.fail('loadKnowledge should have thrown'),
      (err: unknown) => err,
    );
    expect(error).to.be.instanceOf(KnowledgeError);
    expect((error as KnowledgeError).problems).to.have.length(2);
    expect((error as KnowledgeError).message.split('\n')).to.deep.equal([
      `knowledge/articles/install.md:6: 'related' names unknown article 'nowhere'`,
      `knowledge/synonyms.yaml:1: synonyms file is missing (it needs 'fr:' and 'en:' maps)`,
    ]);
  });
});
