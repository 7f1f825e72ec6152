import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../bot/config.js';

describe('configuration from the environment', () => {
  it('works with nothing set: local mode on loopback, port 3978', () => {
    const config = loadConfig({});
    expect(config).to.deep.include({ port: 3978, host: '127.0.0.1', dataDir: './data', knowledgeDir: './knowledge', defaultLocale: 'fr' });
    expect(config.botFramework).to.equal(undefined);
    expect(config.callbackSlots).to.deep.equal({ count: 4, slotMinutes: 60, minLeadMinutes: 60 });
    expect(config.businessHours.timeZone).to.equal('Europe/Paris');
    expect(config.storage).to.deep.equal({ kind: 'files' });
  });

  it('stores in PostgreSQL when asked, with the URL given', () => {
    const url = 'postgres://helpdesk:secret@db.example.internal:5432/helpdesk';
    expect(loadConfig({ STORAGE: 'postgres', DATABASE_URL: url }).storage).to.deep.equal({ kind: 'postgres', url });
    expect(loadConfig({ DATABASE_URL: url }).storage, 'a URL alone does not move the storage').to.deep.equal({ kind: 'files' });
  });

  it('allows answers to link to the product\'s own sites unless KB_LINK_HOSTS names others', () => {
    expect(loadConfig({}).linkHosts).to.deep.equal(['scriba.example']);
    expect(loadConfig({ KB_LINK_HOSTS: 'Scriba.example, docs.partner.example' }).linkHosts).to.deep.equal(['scriba.example', 'docs.partner.example']);
  });

  it('sends mail only with SMTP_URL and MAIL_FROM, and never echoes the SMTP password', () => {
    expect(loadConfig({}).mail).to.equal(undefined);
    expect(loadConfig({ SMTP_URL: 'smtp://bot:s3cret@mail.scriba.example:587', MAIL_FROM: 'Scriba support <support@scriba.example>' }).mail)
      .to.deep.equal({ url: 'smtp://bot:s3cret@mail.scriba.example:587', from: 'Scriba support <support@scriba.example>' });
    expect(() => loadConfig({ SMTP_URL: 'smtp://bot:s3cret@mail.scriba.example:587' })).to.throw(ConfigError, /MAIL_FROM is required/);
    try {
      loadConfig({ SMTP_URL: 'mail.scriba.example s3cret', MAIL_FROM: 'support@scriba.example' });
      expect.fail('refused');
    } catch (err) {
      expect((err as Error).message).to.match(/SMTP_URL must be an smtp/).and.not.include('s3cret');
    }
  });

  it('reads first reply targets per level, keeping the defaults for levels left out', () => {
    expect(loadConfig({}).firstReplyHours).to.deep.equal({ 1: 8, 2: 4, 3: 16, 4: 40 });
    expect(loadConfig({ FIRST_REPLY_HOURS: 'L1=4, l2:2 3=24' }).firstReplyHours).to.deep.equal({ 1: 4, 2: 2, 3: 24, 4: 40 });
    expect(() => loadConfig({ FIRST_REPLY_HOURS: 'L1=soon, L5=3' })).to.throw(ConfigError, /'L1=soon'.*\n.*'L5=3'/);
  });

  it('posts to a support team in Teams only with a registered bot, in its General channel unless another is named', () => {
    const team = '19:Support8f2c1d@thread.tacv2';
    const app = { MicrosoftAppId: '4f2c2d8e-0000-4a5b-9c8d-7e6f5a4b3c2d', MicrosoftAppPassword: 'x' };
    expect(() => loadConfig({ TEAMS_SUPPORT_TEAM: team })).to.throw(ConfigError, /needs the bot registered with Azure/);
    expect(loadConfig({ ...app, TEAMS_SUPPORT_TEAM: team, DEFAULT_LOCALE: 'en' }).supportTeam)
      .to.deep.equal({ teamId: team, channelId: team, serviceUrl: 'https://smba.trafficmanager.net/teams/', lang: 'en' });
    expect(loadConfig({ ...app, TEAMS_SUPPORT_TEAM: team, TEAMS_SUPPORT_CHANNEL: '19:Tickets01@thread.tacv2', TEAMS_SUPPORT_LOCALE: 'fr' }).supportTeam)
      .to.deep.include({ channelId: '19:Tickets01@thread.tacv2', lang: 'fr' });
    expect(() => loadConfig({ ...app, TEAMS_SUPPORT_TEAM: 'https://teams.microsoft.com/l/team/19%3a…' })).to.throw(ConfigError, /must be a Teams channel id/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '' })).to.deep.include({ port: 3978, host: '127.0.0.1' });
  });

  it('listens on every interface once a Bot Framework app id is configured', () => {
    expect(loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' }).host).to.equal('0.0.0.0');
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'abc' }, /^PORT must be a whole number \(got 'abc'\)$/],
    [{ STORAGE: 'pg' }, /^STORAGE must be 'files' or 'postgres' \(got 'pg'\)$/],
    [{ STORAGE: 'postgres' }, /^DATABASE_URL is required when STORAGE is postgres/],
    // The URL holds the database password: its length is told, never its text.
    [{ DATABASE_URL: 'mysql://app:s3cret@db/helpdesk' }, /^DATABASE_URL must be a postgres:\/\/ URL \(got 30 characters\)$/],
    [{ PORT: '70000' }, /^PORT must be 0 to 65535/],
    [{ DEFAULT_LOCALE: 'de' }, /^DEFAULT_LOCALE must be 'fr' or 'en' \(got 'de'\)$/],
    [{ MATCH_ANSWER_THRESHOLD: '1.5' }, /^MATCH_ANSWER_THRESHOLD must be between 0 and 1/],
    [{ MATCH_ANSWER_THRESHOLD: '0.3', MATCH_CLARIFY_THRESHOLD: '0.6' }, /MATCH_CLARIFY_THRESHOLD \(0.6\) must not be above/],
    [{ BUSINESS_HOURS: 'mon-fro 09:00-18:00' }, /^BUSINESS_HOURS: 'mon-fro' is not a day range/],
    [{ BUSINESS_TIMEZONE: 'Mars/Olympus' }, /Mars\/Olympus/],
    [{ CALLBACK_SLOTS: '9' }, /^CALLBACK_SLOTS must be 1 to 6/],
    [{ MicrosoftAppId: 'x', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId is required/],
    [{ MicrosoftAppType: 'Multi' }, /^MicrosoftAppType must be/],
    [{ KB_LINK_HOSTS: 'scriba.example, https://evil.example/x' }, /^KB_LINK_HOSTS: 'https:\/\/evil.example\/x' is not a host name/],
  ];
  for (const [env, message] of bad) {
    it(`refuses ${JSON.stringify(env)} with a message naming the variable`, () => {
      expect(() => loadConfig(env)).to.throw(ConfigError, message);
    });
  }

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', DEFAULT_LOCALE: 'de' });
      expect.fail('should throw');
    } catch (err) {
      expect((err as ConfigError).problems).to.have.length(2);
    }
  });
});
