import { expect } from 'chai';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openLiveKnowledge, type LiveKnowledge } from '../../knowledge/liveKnowledge.js';
import { NO_EDITS, type ArticleEdits } from '../../knowledge/loadKnowledge.js';
import { DEFAULT_THRESHOLDS } from '../../knowledge/matching/defaultThresholds.js';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';

async function copyOfBundledKb(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-'));
  await cp(path.join(PROJECT_ROOT, 'knowledge/articles'), path.join(dir, 'articles'), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'knowledge/synonyms.yaml'), path.join(dir, 'synonyms.yaml'));
  return dir;
}

type Change = { id: string; before: string | null; after: string | null };

/** The store's side, as the live knowledge base reads it: these edits, one article each, in order. */
function editsOf(changes: Change[]): ArticleEdits {
  editsOf.last = changes;
  return {
    head: changes.length ? `e${changes.length}` : null,
    count: changes.length,
    texts: new Map(changes.map((c) => [c.id, c.after])),
    bases: new Map(changes.map((c) => [c.id, c.before])),
  };
}
editsOf.last = [] as Change[];

describe('the live knowledge base: bundled articles with the staff edits over them', function () {
  this.timeout(60_000);
  const question = 'le tampon encreur numérique refuse de signer';
  let dir = '';
  let bundledText = '';
  let stored: ArticleEdits = NO_EDITS;
  let live: LiveKnowledge;
  const warnings: string[] = [];
  before(async () => {
    dir = await copyOfBundledKb();
    bundledText = await readFile(path.join(dir, 'articles/approval-workflow.md'), 'utf8');
    live = await openLiveKnowledge(dir, DEFAULT_THRESHOLDS, { root: dir, edits: async () => stored, warn: (l) => warnings.push(l) });
  });
  after(() => live.close());

  it('answers a new question once an edit adds it, and the old matcher answers while the new one trains', async () => {
    expect(live.matcher.match(question).matches[0]?.id).to.not.equal('approval-workflow');
    stored = editsOf([{ id: 'approval-workflow', before: bundledText, after: bundledText.replace('questions:\n  fr:\n', `questions:\n  fr:\n    - ${question}\n    - tampon encreur numérique\n`) }]);
    // A customer keeps asking while the knowledge base reloads: the training runs in a worker
    // thread, so these answers come every few milliseconds, from the previous matcher.
    const during: string[] = [];
    let reloading = true;
    const asking = (async () => {
      while (reloading) {
        during.push(live.matcher.match(question).matches[0]?.id ?? 'none');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const reloaded = await live.reload();
    reloading = false;
    await asking;
    expect(reloaded).to.deep.include({ ok: true, articles: live.kb().articles.length, changed: true });
    if (reloaded.ok) expect(reloaded.stalledMs, 'the longest the event loop waited meanwhile').to.be.a('number');
    expect(during.length, 'answers during the reload').to.be.above(20);
    expect(during.slice(0, -1).every((id) => id !== 'approval-workflow')).to.equal(true);
    expect(live.matcher.match(question).matches[0]?.id).to.equal('approval-workflow');
    expect(live.text('approval-workflow')).to.include(question);
    expect(await readFile(path.join(dir, 'articles/approval-workflow.md'), 'utf8')).to.equal(bundledText);
  });

  it('does not train again when the edits have not changed', async () => {
    const before = live.matcher.match(question);
    expect(await live.reload()).to.deep.include({ ok: true, changed: false });
    expect(live.matcher.match(question)).to.deep.equal(before);
  });

  it('keeps serving the old knowledge when an edit is broken, and says why with the file', async () => {
    stored = editsOf([...editsOf.last, { id: 'install', before: null, after: '---\nid: install\n---\n' }]);
    const result = await live.reload();
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.problems[0]!.file).to.equal('articles/install.md');
    expect(live.matcher.match('how do I install scriba').matches[0]?.id).to.equal('install');
  });

  it('never swaps in an earlier knowledge base over a later one (builds finishing out of order)', async () => {
    const earlier = await live.prepare(editsOf([]));
    expect(earlier.ok).to.equal(true);
    if (earlier.ok) live.adopt(earlier);
    expect(live.matcher.match(question).matches[0]?.id).to.equal('approval-workflow');
  });

  it('says when a bundled article changed since staff edited it, and keeps the staff version', async () => {
    await writeFile(path.join(dir, 'articles/approval-workflow.md'), bundledText.replace('questions:\n  fr:\n', 'questions:\n  fr:\n    - release notes say this changed\n'));
    const restarted = await openLiveKnowledge(dir, DEFAULT_THRESHOLDS, { root: dir, edits: async () => editsOf([{ id: 'approval-workflow', before: bundledText, after: bundledText.replace('questions:\n  fr:\n', `questions:\n  fr:\n    - ${question}\n`) }]), warn: (l) => warnings.push(l) });
    try {
      expect(warnings).to.deep.equal(['knowledge: knowledge/articles/approval-workflow.md changed since staff edited it; the bot keeps the staff\'s version']);
      expect(restarted.text('approval-workflow')).to.include(question).and.not.include('release notes');
    } finally {
      await restarted.close();
    }
  });
});
