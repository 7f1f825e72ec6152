import { expect } from 'chai';
import { teamsSettingsFromEnv } from '../../teams/env.js';
import { TeamsPackageError } from '../../teams/errors.js';
import { isGuid } from '../../teams/ids.js';

const BOT = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

describe('Teams packaging settings from the environment', () => {
  it('needs only MicrosoftAppId: the app id is derived, the version is package.json\'s', () => {
    const settings = teamsSettingsFromEnv({ MicrosoftAppId: BOT }, '0.1.0');
    expect(settings).to.include({ botId: BOT, version: '0.1.0' });
    expect(settings.hostname).to.equal(undefined);
    expect(isGuid(settings.appId)).to.equal(true);
    expect(settings.appId).not.to.equal(BOT);
  });

  it('derives the same app id every time for a bot, and another one for another bot', () => {
    const a = teamsSettingsFromEnv({ MicrosoftAppId: BOT }, '0.1.0').appId;
    expect(teamsSettingsFromEnv({ MicrosoftAppId: BOT.toUpperCase() }, '2.0.0').appId).to.equal(a);
    expect(teamsSettingsFromEnv({ MicrosoftAppId: '3f2504e0-4f89-11d3-9a0c-0305e82c3302' }, '0.1.0').appId).not.to.equal(a);
  });

  it('takes TEAMS_APP_ID, TEAMS_APP_VERSION and PUBLIC_HOSTNAME when they are set', () => {
    const settings = teamsSettingsFromEnv(
      { MicrosoftAppId: BOT, TEAMS_APP_ID: 'b7c1a0d2-5e6f-4a8b-9c0d-1e2f3a4b5c6d', TEAMS_APP_VERSION: '1.4.0', PUBLIC_HOSTNAME: 'Bot.Contoso.com' },
      '0.1.0',
    );
    expect(settings).to.deep.equal({ botId: BOT, appId: 'b7c1a0d2-5e6f-4a8b-9c0d-1e2f3a4b5c6d', version: '1.4.0', hostname: 'bot.contoso.com' });
  });

  it('treats empty variables as unset, as .env.example leaves them', () => {
    const settings = teamsSettingsFromEnv({ MicrosoftAppId: BOT, TEAMS_APP_ID: '', TEAMS_APP_VERSION: ' ', PUBLIC_HOSTNAME: '' }, '0.1.0');
    expect(settings.version).to.equal('0.1.0');
    expect(settings.hostname).to.equal(undefined);
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{}, /^MicrosoftAppId is required to build the Teams package: set it \(in the environment or \.env\) to the Microsoft App ID of the Azure Bot/],
    [{ MicrosoftAppId: '' }, /^MicrosoftAppId is required/],
    [{ MicrosoftAppId: 'scriba-bot' }, /^MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000, the Microsoft App ID of the Azure Bot \(got 'scriba-bot'\)$/],
    [{ MicrosoftAppId: `{${BOT}}` }, /^MicrosoftAppId must be a GUID/],
    [{ MicrosoftAppId: BOT, TEAMS_APP_ID: 'scriba' }, /^TEAMS_APP_ID must be a GUID .*\(got 'scriba'\)$/],
    [{ MicrosoftAppId: BOT, TEAMS_APP_VERSION: '1.0' }, /^TEAMS_APP_VERSION must be three numbers such as 1\.0\.3/],
    [{ MicrosoftAppId: BOT, TEAMS_APP_VERSION: '1.0.0-beta.1' }, /^TEAMS_APP_VERSION must be three numbers/],
    [{ MicrosoftAppId: BOT, PUBLIC_HOSTNAME: 'https://bot.contoso.com/' }, /^PUBLIC_HOSTNAME must be a host name such as bot\.contoso\.com, without https:\/\/ or a path \(got 'https:\/\/bot\.contoso\.com\/'\)$/],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)} with a message naming the variable`, () => {
      expect(() => teamsSettingsFromEnv(env, '0.1.0')).to.throw(TeamsPackageError, message);
    });
  }

  it('says when the version that does not fit comes from package.json', () => {
    expect(() => teamsSettingsFromEnv({ MicrosoftAppId: BOT }, '0.1.0-rc.1')).to.throw(TeamsPackageError, /\(got '0\.1\.0-rc\.1', package\.json's version\)/);
  });

  it('reports every bad variable at once', () => {
    try {
      teamsSettingsFromEnv({ MicrosoftAppId: 'x', TEAMS_APP_ID: 'y', PUBLIC_HOSTNAME: 'a b' }, '1');
      expect.fail('should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(TeamsPackageError);
      expect((err as TeamsPackageError).problems.map((p) => p.split(' ')[0])).to.deep.equal(['MicrosoftAppId', 'TEAMS_APP_ID', 'TEAMS_APP_VERSION', 'PUBLIC_HOSTNAME']);
    }
  });
});
