import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { PNG } from 'pngjs';
import { TeamsPackageError } from '../../teams/errors.js';
import { buildTeamsPackage, TEAMS_DIR } from '../../teams/package.js';
import { bundledSchemaVersions, validateAgainstBundledSchema } from '../../teams/validate.js';
import { BOT_ID, jsonEntry, settings, useWorkspace, zipEntries } from './helpers.js';

async function failure(build: Promise<unknown>): Promise<TeamsPackageError> {
  try {
    await build;
  } catch (err) {
    if (err instanceof TeamsPackageError) return err;
    throw err;
  }
  return expect.fail('the package was built');
}

function solidPng(size: number, rgba: [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i);
  return PNG.sync.write(png);
}

describe('building the Teams app package', () => {
  const workspace = useWorkspace();

  it('writes a zip with the manifest, icons and French strings at its root, for the given bot', async () => {
    const { templateDir, outFile } = workspace();
    const built = await buildTeamsPackage({ ...settings, templateDir, outFile });
    expect(built.schemaVersion).to.equal('1.30');
    const entries = zipEntries(outFile);
    expect([...entries.keys()].sort()).to.deep.equal(['color.png', 'fr.json', 'manifest.json', 'outline.png']);
    const manifest = jsonEntry(entries, 'manifest.json');
    expect(manifest).to.deep.include({ id: settings.appId, version: '1.2.3', validDomains: ['bot.contoso.com'] });
    expect(manifest.bots).to.have.nested.property('[0].botId', BOT_ID);
    expect(JSON.stringify(manifest)).not.to.include('${{');
    expect(entries.get('color.png')).to.deep.equal(readFileSync(join(TEAMS_DIR, 'color.png')));
  });

  it('produces a manifest and a French file that pass the Teams schemas', async () => {
    const { templateDir, outFile } = workspace();
    await buildTeamsPackage({ ...settings, templateDir, outFile });
    const entries = zipEntries(outFile);
    expect(await validateAgainstBundledSchema(jsonEntry(entries, 'manifest.json'), 'MicrosoftTeams.schema.json', 'manifest.json')).to.deep.equal({ schemaVersion: '1.30', problems: [] });
    const fr = jsonEntry(entries, 'fr.json');
    expect(await validateAgainstBundledSchema(fr, 'MicrosoftTeams.Localization.schema.json', 'fr.json')).to.deep.equal({ schemaVersion: '1.30', problems: [] });
    expect(fr['name.short']).to.equal('Assistant Scriba');
  });

  it('lists no valid domain when PUBLIC_HOSTNAME is not set', async () => {
    const { templateDir, outFile } = workspace();
    const { hostname: _none, ...withoutHost } = settings;
    const built = await buildTeamsPackage({ ...withoutHost, templateDir, outFile });
    expect(built.manifest.validDomains).to.deep.equal([]);
  });

  it('gives the same zip, byte for byte, for the same inputs', async () => {
    const { templateDir, outFile } = workspace();
    await buildTeamsPackage({ ...settings, templateDir, outFile });
    const first = readFileSync(outFile);
    await buildTeamsPackage({ ...settings, templateDir, outFile });
    expect(readFileSync(outFile).equals(first)).to.equal(true);
  });

  it('uses the newest manifest schema the validator bundles', () => {
    const manifest: { manifestVersion?: string } = JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifestVersion).to.equal(bundledSchemaVersions().at(-1));
  });

  describe('refusing a broken template, with the validator\'s message and no zip', () => {
    it('a missing required field', async () => {
      const w = workspace();
      w.editJson('manifest.json', (m) => delete m.developer);
      const err = await failure(buildTeamsPackage({ ...settings, templateDir: w.templateDir, outFile: w.outFile }));
      expect(err.message).to.match(/manifest\.json does not pass the Teams manifest schema \(@microsoft\/app-manifest \d+\.\d+\.\d+\):/);
      expect(err.message).to.include("must have required property 'developer'");
      expect(existsSync(w.outFile)).to.equal(false);
    });

    it('a field that breaks a rule of the schema', async () => {
      const w = workspace();
      w.editJson('manifest.json', (m) => (m.accentColor = 'blue'));
      const err = await failure(buildTeamsPackage({ ...settings, templateDir: w.templateDir, outFile: w.outFile }));
      expect(err.message).to.match(/\/accentColor must match pattern/);
      expect(existsSync(w.outFile)).to.equal(false);
    });

    it('a schema the validator does not bundle (it would be downloaded)', async () => {
      const w = workspace();
      w.editJson('manifest.json', (m) => (m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json'));
      const err = await failure(buildTeamsPackage({ ...settings, templateDir: w.templateDir, outFile: w.outFile }));
      expect(err.message).to.match(/\$schema .*v9\.99.* is not a schema bundled with @microsoft\/app-manifest .*\(packaging works offline\); use https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.30\//);
    });

    it('a placeholder that does not exist', async () => {
      const w = workspace();
      w.editJson('manifest.json', (m) => (m.id = '${{TEAMS_APPID}}'));
      const err = await failure(buildTeamsPackage({ ...settings, templateDir: w.templateDir, outFile: w.outFile }));
      expect(err.message).to.match(/manifest\.json: id: \$\{\{TEAMS_APPID\}\} is not a known placeholder/);
    });

    it('a French string that is too long, or that translates nothing', async () => {
      const w = workspace();
      w.editJson('fr.json', (fr) => {
        fr['name.short'] = 'Assistant de support Scriba pour tous';
        fr['bots[0].commandLists[0].commands[7].title'] = 'rappel';
      });
      const err = await failure(buildTeamsPackage({ ...settings, templateDir: w.templateDir, outFile: w.outFile }));
      expect(err.message).to.match(/fr\.json: \/name\.short must NOT have more than 30 characters/);
      expect(err.message).to.include("fr.json: 'bots[0].commandLists[0].commands[7].title' translates nothing");
      expect(existsSync(w.outFile)).to.equal(false);
    });
  });

  describe('checking the icons', () => {
    it('refuses a 100x100 colour icon', async () => {
      const w = workspace();
      w.write('color.png', solidPng(100, [0x2f, 0x5a, 0xa8, 255]));
      const err = await failure(buildTeamsPackage({ ...settings, templateDir: w.templateDir, outFile: w.outFile }));
      expect(err.message).to.match(/color\.png: the colour icon must be 192x192 pixels \(got 100x100\)/);
      expect(existsSync(w.outFile)).to.equal(false);
    });

    it('refuses an outline icon of the wrong size, or not white on transparent', async () => {
      const w = workspace();
      w.write('outline.png', solidPng(32, [0x2f, 0x5a, 0xa8, 255]));
      w.write('color.png', solidPng(192, [0x2f, 0x5a, 0xa8, 255]));
      let err = await failure(buildTeamsPackage({ ...settings, templateDir: w.templateDir, outFile: w.outFile }));
      expect(err.problems).to.have.length(2);
      expect(err.message).to.match(/outline\.png: the outline icon must be white on a transparent background; 1024 pixels are another colour \(first at 0,0: rgba\(47, 90, 168, 255\)\)/);
      w.write('outline.png', solidPng(48, [255, 255, 255, 255]));
      err = await failure(buildTeamsPackage({ ...settings, templateDir: w.templateDir, outFile: w.outFile }));
      expect(err.message).to.match(/outline\.png: the outline icon must be 32x32 pixels \(got 48x48\)/);
    });

    it('refuses an icon that is missing or not a PNG', async () => {
      const w = workspace();
      w.write('color.png', Buffer.from('<svg/>'));
      w.editJson('manifest.json', (m) => (m.icons = { color: 'color.png', outline: 'outline-white.png' }));
      const err = await failure(buildTeamsPackage({ ...settings, templateDir: w.templateDir, outFile: w.outFile }));
      expect(err.message).to.match(/color\.png: the colour icon is not a readable PNG file/);
      expect(err.message).to.match(/outline-white\.png: not found \(named by icons\.outline in manifest\.json\)/);
    });
  });
});
