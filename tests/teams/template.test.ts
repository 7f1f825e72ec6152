import { expect } from 'chai';
import { fillTemplate } from '../../teams/template.js';

describe('filling the manifest template', () => {
  const values = { MicrosoftAppId: 'bot-id', PUBLIC_HOSTNAME: undefined, TEAMS_APP_VERSION: '1.2.3' };

  it('replaces placeholders in every string, nested or not, and leaves the rest alone', () => {
    const { value, problems } = fillTemplate(
      { version: '${{TEAMS_APP_VERSION}}', bots: [{ botId: '${{ MicrosoftAppId }}', scopes: ['personal'], supportsFiles: false }], note: 'v${{TEAMS_APP_VERSION}}!' },
      values,
    );
    expect(problems).to.deep.equal([]);
    expect(value).to.deep.equal({ version: '1.2.3', bots: [{ botId: 'bot-id', scopes: ['personal'], supportsFiles: false }], note: 'v1.2.3!' });
  });

  it('keeps a value with quotes or backslashes a plain string', () => {
    const { value } = fillTemplate({ a: '${{X}}' }, { X: 'say "hi" \\ bye' });
    expect(value).to.deep.equal({ a: 'say "hi" \\ bye' });
  });

  it('leaves out an array item that is only an unset optional value', () => {
    expect(fillTemplate({ validDomains: ['${{PUBLIC_HOSTNAME}}'] }, values).value).to.deep.equal({ validDomains: [] });
    expect(fillTemplate({ validDomains: ['${{PUBLIC_HOSTNAME}}'] }, { PUBLIC_HOSTNAME: 'bot.contoso.com' }).value).to.deep.equal({ validDomains: ['bot.contoso.com'] });
  });

  it('reports an unset value anywhere else, and an unknown placeholder, with where it is', () => {
    const { problems } = fillTemplate({ developer: { websiteUrl: 'https://${{PUBLIC_HOSTNAME}}' }, bots: [{ botId: '${{MicrosoftAppID}}' }] }, values);
    expect(problems).to.deep.equal([
      'developer.websiteUrl: ${{PUBLIC_HOSTNAME}} has no value',
      'bots[0].botId: ${{MicrosoftAppID}} is not a known placeholder (known: MicrosoftAppId, PUBLIC_HOSTNAME, TEAMS_APP_VERSION)',
    ]);
  });
});
