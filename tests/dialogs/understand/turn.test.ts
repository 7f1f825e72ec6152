// One understanding per message: its language, its intent, the button it picks, its question.
import { expect } from 'chai';
import { buttonMeanings } from '../../../dialogs/conversation.js';
import { startLanguage, type LanguageState } from '../../../dialogs/understand/language.js';
import { ordinalIn, understand } from '../../../dialogs/understand/turn.js';
import { bundled, bundledControl } from '../../helpers/bundledKb.js';

async function read(text: string, language: LanguageState, offered: string[] = []) {
  const { matcher } = await bundled();
  return understand(text, { language, offered }, { matcher, control: await bundledControl(), now: () => new Date('2026-11-24T09:00:00Z'), timeZone: 'Europe/Paris', labels: buttonMeanings() });
}

const frenchLocale = startLanguage('fr-FR', 'fr');
const settledFrench: LanguageState = { lang: 'fr', settled: true, otherInARow: 0 };

describe('the understanding of a turn', function () {
  this.timeout(20_000);

  for (const text of ['pb nas synology', 'slt', 'ok', 'John Smith', 'john.smith@example.com', '06 12 34 56 78', 'L1-20261124-0001', '👍']) {
    it(`keeps a French conversation French after "${text}"`, async () => {
      expect((await read(text, frenchLocale)).understanding.lang).to.equal('fr');
      expect((await read(text, settledFrench)).understanding.lang).to.equal('fr');
    });
  }

  it('follows a first clear sentence in the other language, and a request at any time', async () => {
    expect((await read('how do I reset my password please', frenchLocale)).understanding).to.deep.include({ lang: 'en', languageChanged: true });
    expect((await read('in english please', settledFrench)).understanding).to.deep.include({ lang: 'en', askedLanguage: 'en' });
  });

  // Asked of the bot, typed as people type it: the interface-language article knows every word.
  const settledEnglish: LanguageState = { lang: 'en', settled: true, otherInARow: 0 };
  const switches: Array<[string, LanguageState, 'fr' | 'en']> = [
    ['can you switch to french please', settledEnglish, 'fr'],
    ['can u switch to french pls', settledEnglish, 'fr'],
    ['pls switch to french', settledEnglish, 'fr'],
    ['pouvez-vous passer en anglais svp', settledFrench, 'en'],
    ['tu peux parler anglais stp', settledFrench, 'en'],
    ['vous pouvez passer en anglais ?', settledFrench, 'en'],
  ];
  for (const [text, language, to] of switches) {
    it(`switches to ${to} on "${text}"`, async () => {
      expect((await read(text, language)).understanding).to.deep.include({ lang: to, askedLanguage: to });
    });
  }

  it('answers a question about the interface language instead of switching', async () => {
    expect((await read('how do I change the interface language to French', settledEnglish)).understanding.askedLanguage).to.equal(undefined);
  });

  it('switches a settled conversation only after two English sentences in a row', async () => {
    const first = await read('my scanner is not detected anymore', settledFrench);
    expect(first.understanding.lang).to.equal('fr');
    const second = await read('it stopped working after the update', first.language);
    expect(second.understanding).to.deep.include({ lang: 'en', languageChanged: true });
  });

  it('reads a button from a number, an ordinal or a yes, but not from a time', async () => {
    const slots = ['mardi 24 novembre, 11:00 – 12:00', 'mardi 24 novembre, 12:00 – 13:00', 'Autres horaires'];
    expect((await read('le 2eme', settledFrench, slots)).understanding.pressed).to.equal(1);
    expect((await read('the first one', settledFrench, slots)).understanding.pressed).to.equal(0);
    expect((await read('thursday 2pm', settledFrench, slots)).understanding.pressed).to.equal(undefined);
    expect((await read('ouais', settledFrench, ['Oui', 'Non'])).understanding.pressed).to.equal(0);
  });

  it('knows a question the knowledge base answers, and the values around it', async () => {
    const { understanding } = await read('mot de passe oublié, mon mail est marc@exemple.fr', settledFrench);
    expect(understanding.question).to.equal('reset-password');
    expect(understanding.entities.emails).to.deep.equal(['marc@exemple.fr']);
  });

  it('reads ordinals in both languages', () => {
    expect(ordinalIn('le deuxième', 'fr')).to.equal(2);
    expect(ordinalIn('the 3rd one', 'en')).to.equal(3);
    expect(ordinalIn('2', 'fr')).to.equal(2);
    expect(ordinalIn('friday 10am', 'en')).to.equal(undefined);
  });
});
