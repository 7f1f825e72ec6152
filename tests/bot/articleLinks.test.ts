import { expect } from 'chai';
import { articleLinks } from '../../bot/articleLinks.js';

describe('where "Read the full article" points', () => {
  const cases: Array<[string, string | undefined, string | undefined, string | undefined]> = [
    ['the website chat, no PUBLIC_URL: this server\'s page', undefined, 'webchat', '/help/fr/reset-password'],
    ['Teams, no PUBLIC_URL: no link it could open (the whole answer is shown)', undefined, 'msteams', undefined],
    ['Teams with PUBLIC_URL: the full address', 'https://help.scriba.example/', 'msteams', 'https://help.scriba.example/help/fr/reset-password'],
    ['the website chat with PUBLIC_URL', 'https://help.scriba.example', 'webchat', 'https://help.scriba.example/help/fr/reset-password'],
  ];
  for (const [what, publicUrl, channel, expected] of cases) {
    it(what, () => expect(articleLinks(publicUrl)('fr', 'reset-password', channel)).to.equal(expected));
  }
});
