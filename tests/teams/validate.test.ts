import { expect } from 'chai';
import { bundledSchemaVersions, escapePattern, validateAgainstBundledSchema } from '../../teams/validate.js';

const FR = 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json';

describe('validating Teams files offline', () => {
  it('knows the schema versions bundled with the validator, newest last', () => {
    const versions = bundledSchemaVersions();
    expect(versions[0]).to.equal('1.0');
    expect(versions).to.include.members(['1.9', '1.10', '1.29', '1.30']);
    expect(versions.indexOf('1.10')).to.be.greaterThan(versions.indexOf('1.9'));
  });

  it('accepts the localized schema URL (en-us/) that Microsoft\'s samples use', async () => {
    const check = await validateAgainstBundledSchema({ $schema: FR.replace('.com/', '.com/en-us/'), 'name.short': 'A', 'description.short': 'B', 'description.full': 'C' }, 'MicrosoftTeams.Localization.schema.json', 'fr.json');
    expect(check).to.deep.equal({ schemaVersion: '1.30', problems: [] });
  });

  it('checks a localization file against its schema (which the validator cannot compile as shipped)', async () => {
    const check = await validateAgainstBundledSchema({ $schema: FR, 'name.short': 'A', 'description.full': 'C', 'bots[0].title': 'x' }, 'MicrosoftTeams.Localization.schema.json', 'fr.json');
    expect(check.problems).to.have.length(2);
    expect(check.problems.join('\n')).to.include("fr.json: must have required property 'description.short'").and.include('must NOT have additional properties');
  });

  it('refuses a manifest schema in place of a localization one, and no $schema at all', async () => {
    const manifestSchema = FR.replace('.Localization', '');
    expect((await validateAgainstBundledSchema({ $schema: manifestSchema }, 'MicrosoftTeams.Localization.schema.json', 'fr.json')).problems[0]).to.match(/^fr\.json: \$schema .* is not a schema bundled/);
    expect((await validateAgainstBundledSchema({}, 'MicrosoftTeams.schema.json', 'manifest.json')).problems).to.deep.equal([
      'manifest.json: $schema is missing (e.g. https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json)',
    ]);
  });

  const patterns: Array<[string, string]> = [
    ['^activities.activityTypes\\[\\b([0-9]|1[01][0-9])\\b]\\.description$', '^activities.activityTypes\\[\\b([0-9]|1[01][0-9])\\b\\]\\.description$'],
    ['^bots\\[0\\]\\.commandLists\\[[0-2]\\]\\.title$', '^bots\\[0\\]\\.commandLists\\[[0-2]\\]\\.title$'],
    ['^[^\\]]+$', '^[^\\]]+$'],
    ['a]b', 'a\\]b'],
  ];
  for (const [pattern, fixed] of patterns) {
    it(`makes ${pattern} a valid Unicode regular expression with the same meaning`, () => {
      expect(escapePattern(pattern)).to.equal(fixed);
      expect(() => new RegExp(escapePattern(pattern), 'u')).not.to.throw();
    });
  }
});
