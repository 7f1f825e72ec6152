import { expect } from 'chai';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openLiveKnowledge, type LiveKnowledge } from '../../knowledge/liveKnowledge.js';
import { DEFAULT_THRESHOLDS } from '../../knowledge/matching/defaultThresholds.js';
import type { NewArticle } from '../../staff/articleEdit.js';
import { createKbWriter, type KbWriter } from '../../staff/kbWriter.js';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { storedArticleEdits } from '../../knowledge/loadKnowledge.js';
import type { HelpdeskStore } from '../../tickets/helpdeskStore.js';
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
  let store: HelpdeskStore;
  const AGENT = 'agent@scriba.example';
  before(async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'staff-kbw-'));
    dir = await copyOfKnowledge(root);
    store = createLowdbStore({ dataDir: path.join(root, 'data') });
    live = await openLiveKnowledge(dir, DEFAULT_THRESHOLDS, { root, trained: (await bundled()).matcher, edits: () => storedArticleEdits(store) });
    writer = createKbWriter({ live, store, log: () => undefined });
    bundledFiles = await folder();
  });
  after(() => live.close());
  let bundledFiles: Record<string, string> = {};
  /** The knowledge folder's files and their text: the bundled articles, which edits never write. */
  const folder = async () => Object.fromEntries(await Promise.all((await readdir(path.join(dir, 'articles'))).map(async (n) => [n, await readFile(path.join(dir, 'articles', n), 'utf8')])));

  it('refuses a broken new article with its file:line problems and keeps nothing', async () => {
    const result = await writer.createArticle(broken, AGENT);
    expect(result).to.deep.equal({
      ok: false, status: 422, error: 'kb',
      problems: ["knowledge/articles/scanner-not-found.md:10: 'questions.fr' needs at least 3 questions (has 1)"],
    });
    expect(await store.listKbEdits()).to.deep.equal([]);
    expect(live.text('scanner-not-found')).to.equal(null);
  });

  it('keeps a valid new article in the store, the live matcher answers its questions, and the bundled folder is untouched', async () => {
    const result = await writer.createArticle({ ...broken, related: ['scan-documents'], questions: { ...broken.questions, fr: ['scanner introuvable', 'le scanner a disparu', 'Scriba ne trouve plus le scanner'] } }, AGENT);
    expect(result).to.deep.include({ ok: true, id: 'scanner-not-found' });
    expect(live.text('scanner-not-found')).to.match(/^---\nid: scanner-not-found\n/);
    expect(live.matcher.match('scanner introuvable', { language: 'fr' }).matches[0]?.id).to.equal('scanner-not-found');
    expect(await folder()).to.deep.equal(bundledFiles);
  });

  it('keeps the edits over the bundled articles when the bot starts again (a redeploy)', async () => {
    const restarted = await openLiveKnowledge(dir, DEFAULT_THRESHOLDS, { root: path.dirname(dir), edits: () => storedArticleEdits(store) });
    try {
      expect(restarted.matcher.match('le scanner a disparu', { language: 'fr' }).matches[0]?.id).to.equal('scanner-not-found');
    } finally {
      await restarted.close();
    }
  });

  it('refuses an id that is taken with 409', async () => {
    expect(await writer.createArticle({ ...broken, id: 'install' }, AGENT)).to.deep.include({ ok: false, status: 409 });
  });

  it('refuses a question already in the article and leaves the article as it was', async () => {
    const before = live.text('install');
    const result = await writer.addQuestion('install', 'en', 'How do I install Scriba?', AGENT);
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.problems?.[0]).to.match(/^knowledge\/articles\/install\.md:\d+: 'questions\.en' repeats/);
    expect(live.text('install')).to.equal(before);
  });

  it('answers 404 for an unknown article', async () => {
    expect(await writer.addQuestion('no-such-article', 'fr', 'bonjour', AGENT)).to.deep.include({ ok: false, status: 404 });
  });

  describe('a question that belongs to another article', () => {
    const lost = "J'ai oublié mon mot de passe"; // a question of reset-password

    it('is refused with 409 naming its article, as typed differently too, and nothing is written', async () => {
      const before = live.text('install');
      for (const typed of [lost, 'j ai oublie mon MOT DE PASSE !']) {
        expect(await writer.addQuestion('install', 'fr', typed, AGENT)).to.deep.equal({
          ok: false, status: 409, error: 'question belongs to another article', articleId: 'reset-password',
        });
      }
      expect(live.text('install')).to.equal(before);
      expect(live.matcher.match(lost, { language: 'fr' }).matches[0]?.id).to.equal('reset-password');
    });

    it('is moved when the agent confirms: gone from the first article, answered by the second, one edit in the history', async () => {
      const result = await writer.addQuestion('login-problem', 'fr', lost, AGENT, { move: true });
      expect(result).to.deep.include({ ok: true, id: 'login-problem' });
      expect(live.text('reset-password')).to.not.include(lost);
      expect(live.text('login-problem')).to.include(lost);
      const [edit] = await store.listKbEdits();
      expect(edit).to.deep.include({ by: AGENT, action: 'move-question', articleId: 'login-problem' });
      expect(edit!.changes.map((c) => c.articleId)).to.deep.equal(['reset-password', 'login-problem']);
    });
  });

  describe('the history of edits', () => {
    it('keeps who made each edit, when, and every article before and after, newest first', async () => {
      const edits = await store.listKbEdits();
      expect(edits.map((e) => e.action)).to.deep.equal(['move-question', 'create-article']);
      expect(edits[1]).to.deep.include({ by: AGENT, articleId: 'scanner-not-found', summary: 'Scanner introuvable' });
      expect(edits[1]!.changes[0]).to.deep.include({ articleId: 'scanner-not-found', before: null });
      expect(edits[1]!.changes[0]!.after).to.equal(live.text('scanner-not-found'));
      for (const e of edits) expect(Date.parse(e.at)).to.be.closeTo(Date.now(), 60_000);
    });

    it('reverts a move: both articles back to the byte, the question answered by its first article again', async () => {
      const [move] = await store.listKbEdits();
      const result = await writer.revert(move!.id, 'lead@scriba.example');
      expect(result).to.deep.include({ ok: true });
      for (const change of move!.changes) {
        expect(live.text(change.articleId)).to.equal(change.before);
      }
      expect(live.matcher.match("J'ai oublié mon mot de passe", { language: 'fr' }).matches[0]?.id).to.equal('reset-password');
      const [revert] = await store.listKbEdits();
      expect(revert).to.deep.include({ action: 'revert', revertOf: move!.id, by: 'lead@scriba.example' });
    });

    it('refuses to revert an edit whose article changed since (409), and an unknown edit (404)', async () => {
      const edits = await store.listKbEdits();
      const move = edits.find((e) => e.action === 'move-question')!;
      expect(await writer.revert(move.id, AGENT)).to.deep.include({ ok: false, status: 409, articleId: 'reset-password' });
      expect(await writer.revert('no-such-edit', AGENT)).to.deep.include({ ok: false, status: 404 });
    });

    it('reverts a new article by removing it, and the bot no longer answers with it', async () => {
      const created = (await store.listKbEdits()).find((e) => e.action === 'create-article')!;
      expect(await writer.revert(created.id, AGENT)).to.deep.include({ ok: true });
      expect(live.text('scanner-not-found')).to.equal(null);
      expect(live.kb().articles.map((a) => a.id)).to.not.include('scanner-not-found');
      expect(await folder()).to.deep.equal(bundledFiles);
    });
  });

  describe('another instance edits first', function () {
    // Each test trains three or four matchers (a second instance opens, edits, reloads): on a
    // loaded machine that is a minute.
    this.timeout(120_000);
    it('makes the edit again on top of the other one: both questions are kept, in two edits', async () => {
      // A second instance on the same store, with its own live knowledge base and writer.
      const otherLive = await openLiveKnowledge(dir, DEFAULT_THRESHOLDS, { root: path.dirname(dir), edits: () => storedArticleEdits(store) });
      try {
        const other = createKbWriter({ live: otherLive, store, log: () => undefined });
        const count = (await store.listKbEdits()).length;
        // The other instance saves first; this one has not heard of it yet.
        expect(await other.addQuestion('install', 'fr', 'comment mettre scriba sur mon pc', AGENT)).to.deep.include({ ok: true });
        expect(await writer.addQuestion('install', 'fr', 'procédure pour installer scriba', AGENT)).to.deep.include({ ok: true });
        expect((await store.listKbEdits()).length).to.equal(count + 2);
        expect(live.text('install')).to.include('comment mettre scriba sur mon pc').and.to.include('procédure pour installer scriba');
        await otherLive.reload();
        expect(otherLive.text('install')).to.equal(live.text('install'));
      } finally {
        await otherLive.close();
      }
    });

    it("when the other instance keeps its edit between this one's check and save, makes this one again on top of it", async () => {
      const otherLive = await openLiveKnowledge(dir, DEFAULT_THRESHOLDS, { root: path.dirname(dir), edits: () => storedArticleEdits(store) });
      const logs: string[] = [];
      try {
        const other = createKbWriter({ live: otherLive, store, log: () => undefined });
        let raced = false;
        // This instance's save finds the other's edit kept a moment before it.
        const racing: Pick<HelpdeskStore, 'recordKbEdit' | 'listKbEdits'> = {
          listKbEdits: (range) => store.listKbEdits(range),
          async recordKbEdit(edit, after) {
            if (!raced) {
              raced = true;
              expect(await other.addQuestion('uninstall', 'fr', 'virer scriba de mon ordi', AGENT)).to.deep.include({ ok: true });
            }
            return store.recordKbEdit(edit, after);
          },
        };
        const writerHere = createKbWriter({ live, store: racing, log: (l) => logs.push(l) });
        expect(await writerHere.addQuestion('uninstall', 'fr', 'enlever scriba du poste', AGENT)).to.deep.include({ ok: true });
        expect(logs).to.have.length(1);
        expect(logs[0]).to.match(/another instance changed the knowledge base/);
        expect(live.text('uninstall')).to.include('virer scriba de mon ordi').and.to.include('enlever scriba du poste');
      } finally {
        await otherLive.close();
      }
    });
  });
});
