import { expect } from 'chai';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openLiveKnowledge, type LiveKnowledge } from '../../knowledge/liveKnowledge.js';
import { DEFAULT_THRESHOLDS } from '../../knowledge/matching/defaultThresholds.js';
import type { NewArticle } from '../../staff/articleEdit.js';
import { createKbWriter, type KbWriter } from '../../staff/kbWriter.js';
import { copyOfKnowledge } from './helpers.js';
import { bundled } from '../helpers/bundledKb.js';

const broken: NewArticle = {
  id: 'scanner-not-found',
  level: 2,
  tags: [],
  related: [],
  title: { fr: 'Scanner introuvable', en: 'Scanner not found' },
  questions: { fr: ['scanner introuvable'], en: ['scanner not found', 'scanner missing', 'no scanner'] },
  answer: { fr: 'Vérifiez le câble.', en: 'Check the cable.' },
};

describe('writing knowledge articles from the console', function () {
  this.timeout(30_000);
  let dir = '';
  let live: LiveKnowledge;
  let writer: KbWriter;
  before(async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'staff-kbw-'));
    dir = await copyOfKnowledge(root);
    live = await openLiveKnowledge(dir, DEFAULT_THRESHOLDS, { root, trained: (await bundled()).matcher });
    writer = createKbWriter({ knowledgeDir: dir, live, log: () => undefined });
  });

  it('refuses a broken new article with its file:line problems and writes nothing', async () => {
    const before = await readdir(path.join(dir, 'articles'));
    const result = await writer.createArticle(broken);
    expect(result).to.deep.equal({
      ok: false, status: 422, error: 'kb',
      problems: ["knowledge/articles/scanner-not-found.md:10: 'questions.fr' needs at least 3 questions (has 1)"],
    });
    expect(await readdir(path.join(dir, 'articles'))).to.deep.equal(before);
  });

  it('writes a valid new article and the live matcher answers its questions', async () => {
    const result = await writer.createArticle({ ...broken, related: ['scan-documents'], questions: { ...broken.questions, fr: ['scanner introuvable', 'le scanner a disparu', 'Scriba ne trouve plus le scanner'] } });
    expect(result).to.deep.equal({ ok: true, id: 'scanner-not-found' });
    expect(await readFile(path.join(dir, 'articles/scanner-not-found.md'), 'utf8')).to.match(/^---\nid: scanner-not-found\n/);
    expect(live.matcher.match('scanner introuvable', { language: 'fr' }).matches[0]?.id).to.equal('scanner-not-found');
    expect((await readdir(path.join(dir, 'articles'))).filter((n) => n.startsWith('.'))).to.deep.equal([]);
  });

  it('refuses an id that is taken with 409', async () => {
    expect(await writer.createArticle({ ...broken, id: 'install' })).to.deep.include({ ok: false, status: 409 });
  });

  it('refuses a question already in the article and leaves the file as it was', async () => {
    const file = path.join(dir, 'articles/install.md');
    const before = await readFile(file, 'utf8');
    const result = await writer.addQuestion('install', 'en', 'How do I install Scriba?');
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.problems?.[0]).to.match(/^knowledge\/articles\/install\.md:\d+: 'questions\.en' repeats/);
    expect(await readFile(file, 'utf8')).to.equal(before);
  });

  it('answers 404 for an unknown article', async () => {
    expect(await writer.addQuestion('no-such-article', 'fr', 'bonjour')).to.deep.include({ ok: false, status: 404 });
  });
});
