import { expect } from 'chai';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { articleLinks, deadArticleLinks } from '../../knowledge/articleLinks.js';
import { articleFixture } from '../helpers/articleFixture.js';
import { runScript } from '../helpers/processes.js';
import { PROJECT_ROOT } from '../helpers/bundledKb.js';

/** An article whose French answer (line 20) is `fr`; its English one links to install. */
const article = (id: string, fr: string) => articleFixture(id, { fr, en: `Answer for ${id}: see [the other one](/help/en/install).` });

describe('links between articles', () => {
  const cases: { text: string; links: string[] }[] = [
    { text: 'voir [Installer](/help/fr/install).', links: ['fr/install:1'] },
    { text: 'see [this](/help/en/reset-password#step-2 "Reset")', links: ['en/reset-password:1'] },
    { text: 'old form [x](https://help.scriba.example/fr/articles/install)', links: ['fr/install:1'] },
    { text: 'the [help centre](/help/fr/) is an index, not an article', links: [] },
    { text: '[release notes](https://help.scriba.example/releases) is another page', links: [] },
    { text: 'line one\n[a](/help/en/a) and [b](/help/fr/b)', links: ['en/a:2', 'fr/b:2'] },
  ];
  for (const { text, links } of cases) {
    it(`reads ${JSON.stringify(text)} as ${links.length ? links.join(', ') : 'no article link'}`, () => {
      expect(articleLinks(text).map((l) => `${l.lang}/${l.id}:${l.line}`)).to.deep.equal(links);
    });
  }

  it('reports a link to an unknown id with its file and line', () => {
    const problems = deadArticleLinks('knowledge/articles/a.md', 'x\n[ok](/help/fr/install)\n[dead](/help/en/instal)', new Set(['install']));
    expect(problems).to.deep.equal([{ file: 'knowledge/articles/a.md', line: 3, message: "the link /help/en/instal names unknown article 'instal'" }]);
  });

  it('every bundled link to the old help site now points to /help/{lang}/{id}', async () => {
    const dir = path.join(PROJECT_ROOT, 'knowledge', 'articles');
    for (const name of await readdir(dir)) {
      const text = await readFile(path.join(dir, name), 'utf8');
      expect(text, name).to.not.match(/help\.scriba\.example\/(fr|en)\/articles\//);
    }
  });
});

describe('npm run kb:check with a dead article link', () => {
  let root = '';
  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'kb-links-'));
    await mkdir(path.join(root, 'knowledge', 'articles'), { recursive: true });
    await writeFile(path.join(root, 'knowledge', 'articles', 'install.md'), article('install', 'Réponse : voir [désinstaller](/help/fr/desinstaller).'));
    await writeFile(path.join(root, 'knowledge', 'synonyms.yaml'), 'fr:\n  mdp: mot de passe\nen:\n  pwd: password\n');
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('fails, naming the file and the line of the link', async () => {
    const { code, stdout } = await runScript('knowledge/cli/kbCheck.ts', ['knowledge'], { cwd: root });
    expect(code).to.equal(1);
    expect(stdout).to.include("knowledge/articles/install.md:20: the link /help/fr/desinstaller names unknown article 'desinstaller'");
  });
});
