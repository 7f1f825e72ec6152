import { expect } from 'chai';
import { createLanguageDetector } from '../../../knowledge/matching/languageDetector.js';
import { bundled } from '../../helpers/bundledKb.js';

describe('telling French from English', () => {
  const table: Array<[string, 'fr' | 'en']> = [
    ['mot de pase oublié', 'fr'],
    ['jarrive pas a me connecter', 'fr'],
    ["l'appli plante", 'fr'],
    ['ou sont mes factures', 'fr'],
    ['sauvegarde auto', 'fr'],
    ['forgot my pasword', 'en'],
    ['cant log in', 'en'],
    ['where are my invoices', 'en'],
    ['how to instal scriba', 'en'],
    ['the app keeps crashing', 'en'],
  ];

  for (const [message, lang] of table) {
    it(`reads "${message}" as ${lang}`, async () => {
      const { matcher } = await bundled();
      // The fallback is the other language, so only real detection passes.
      expect(matcher.detectLanguage(message, lang === 'fr' ? 'en' : 'fr').lang).to.equal(lang);
    });
  }

  it('falls back to the conversation language when a message says nothing', () => {
    const detector = createLanguageDetector({ fr: ['bonjour'], en: ['hello'] });
    expect(detector.detect('12345', 'en')).to.deep.include({ lang: 'en', reliable: false });
    expect(detector.detect('', 'fr')).to.deep.include({ lang: 'fr', reliable: false });
  });

  it('is sure of a full sentence', () => {
    const detector = createLanguageDetector({ fr: [], en: [] });
    const d = detector.detect("Je n'arrive pas à ouvrir mes documents depuis la mise à jour", 'en');
    expect(d).to.deep.include({ lang: 'fr', reliable: true });
    expect(d.confidence).to.be.greaterThan(0.9);
  });
});
