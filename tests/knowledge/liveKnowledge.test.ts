import { expect } from 'chai';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openLiveKnowledge } from '../../knowledge/liveKnowledge.js';
import { DEFAULT_THRESHOLDS } from '../../knowledge/matching/defaultThresholds.js';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';

async function copyOfBundledKb(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-'));
  await cp(path.join(PROJECT_ROOT, 'knowledge/articles'), path.join(dir, 'articles'), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'knowledge/synonyms.yaml'), path.join(dir, 'synonyms.yaml'));
  return dir;
}

describe('reloading the knowledge base while the bot runs', () => {
  it('answers a new question once staff add it to an article', async () => {
    const dir = await copyOfBundledKb();
    const live = await openLiveKnowledge(dir, DEFAULT_THRESHOLDS, { root: dir });
    const question = 'le tampon encreur numérique refuse de signer';
    expect(live.matcher.match(question).matches[0]?.id).to.not.equal('approval-workflow');

    const file = path.join(dir, 'articles/approval-workflow.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('questions:\n  fr:\n', `questions:\n  fr:\n    - ${question}\n    - tampon encreur numérique\n`));
    expect(await live.reload()).to.deep.equal({ ok: true, articles: live.kb().articles.length });
    expect(live.matcher.match(question).matches[0]?.id).to.equal('approval-workflow');
  });

  it('keeps serving the old knowledge when the edit is broken, and says why', async () => {
    const dir = await copyOfBundledKb();
    const live = await openLiveKnowledge(dir, DEFAULT_THRESHOLDS, { root: dir });
    await writeFile(path.join(dir, 'articles/install.md'), '---\nid: install\n---\n');
    const result = await live.reload();
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.problems[0]!.file).to.equal('articles/install.md');
    expect(live.matcher.match('how do I install scriba').matches[0]?.id).to.equal('install');
  });
});
