// What a message asks of the conversation itself, read by the classifier trained on the phrasings.
import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { chooseControlThreshold, notCommands } from '../../../bench/controlIntents.js';
import { buttonMeanings } from '../../../dialogs/conversation.js';
import { DEFAULT_CONTROL_THRESHOLD, loadPhrasings, PHRASINGS_DIR, type ControlIntent } from '../../../dialogs/understand/controlIntents.js';
import { startLanguage } from '../../../dialogs/understand/language.js';
import { understand } from '../../../dialogs/understand/turn.js';
import { KnowledgeError } from '../../../knowledge/knowledgeError.js';
import { bundled, bundledControl } from '../../helpers/bundledKb.js';

async function intentOf(text: string, lang: 'fr' | 'en', offered: string[] = []): Promise<ControlIntent | undefined> {
  const { matcher } = await bundled();
  const { understanding } = understand(text, { language: { ...startLanguage(undefined, lang), settled: true }, offered }, {
    matcher, control: await bundledControl(), now: () => new Date('2026-11-24T09:00:00Z'), timeZone: 'Europe/Paris', labels: buttonMeanings(),
  });
  return understanding.intent;
}

describe('control intents in the customer\'s own words', function () {
  this.timeout(30_000);
  // Messages from the reports and the typed conversations, not from the held-out set.
  const table: Array<[string, 'fr' | 'en', ControlIntent | undefined]> = [
    ['call me back', 'en', 'callback'],
    ['i need a person', 'en', 'human'],
    ['open a ticket', 'en', 'ticket'],
    ['un humain svp', 'fr', 'human'],
    ['rappelez moi au 06 12 34 56 78 svp', 'fr', 'callback'],
    ['status', 'en', 'status'],
    ['mon ticket', 'fr', 'status'],
    ['actually never mind', 'en', 'cancel'],
    ['laisse tomber', 'fr', 'cancel'],
    ['recommencer', 'fr', 'restart'],
    ['ouais c bon', 'fr', 'yes'],
    ['nope', 'en', 'no'],
    ['merci beaucoup', 'fr', 'thanks'],
    ['in english please', 'fr', 'english'],
    ['en français svp', 'en', 'french'],
    ['the email is wrong', 'en', 'correct'],
    ['not really, can i talk to a real person', 'en', 'human'],
    ["non ca ne m'aide pas, ouvrez un ticket", 'fr', 'ticket'],
    // Questions that use a command's words stay questions.
    ['how do i cancel my subscription', 'en', undefined],
    ['can I call the API from Python', 'en', undefined],
    ['comment changer la langue de scriba en anglais', 'fr', undefined],
    ['bonjour, comment je remets le logiciel en francais ? tout est en anglais', 'fr', undefined],
    // "restarted the pc" is no "start over".
    ['restarted the pc, same thing', 'en', undefined],
    // A button label typed after the buttons changed keeps its meaning.
    ["Contacter l'assistance", 'fr', 'human'],
    ['Par téléphone (rappel)', 'fr', 'callback'],
  ];
  for (const [typed, lang, intent] of table) {
    it(`"${typed}" → ${intent ?? 'a question'}`, async () => expect(await intentOf(typed, lang)).to.equal(intent));
  }

  it('takes no action on a name or on keyboard noise (at worst it reads small talk in it)', async () => {
    const actions: ReadonlySet<ControlIntent | undefined> = new Set(['human', 'ticket', 'callback', 'status', 'cancel', 'restart', 'english', 'french']);
    const read = await Promise.all(notCommands().flatMap((text) => (['fr', 'en'] as const).map(async (lang) => [text, lang, await intentOf(text, lang)] as const)));
    expect(read.filter(([, , intent]) => actions.has(intent))).to.deep.equal([]);
    // Most are read as nothing at all.
    expect(read.filter(([, , intent]) => intent === undefined).length / read.length).to.be.above(0.9);
  });

  it('uses the threshold the validation split chooses, not one picked by hand', async () => {
    const { kb } = await bundled();
    const chosen = chooseControlThreshold(await loadPhrasings(), kb);
    expect(DEFAULT_CONTROL_THRESHOLD, 'after a phrasing change, run `npm run bench:conversation -- --only control` and copy its threshold into dialogs/understand/controlIntents.ts').to.equal(chosen.threshold);
  });

  it('reports a malformed phrasings file with its file and line, and refuses to start', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'phrasings-'));
    await mkdir(path.join(dir, 'phrasings'));
    await cp(path.join(PHRASINGS_DIR, 'en.yaml'), path.join(dir, 'phrasings/en.yaml'));
    await writeFile(path.join(dir, 'phrasings/fr.yaml'), '"human":\n  - "un humain"\n"ticket": "pas une liste"\n');
    const err = await loadPhrasings(path.join(dir, 'phrasings'), dir).then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(KnowledgeError);
    expect((err as KnowledgeError).message).to.include('phrasings/fr.yaml:1: human: needs at least 30 phrasings').and.include('phrasings/fr.yaml:3: ticket:');
  });
});
