import { expect } from 'chai';
import { fieldNamed, looksLikeAName, nameIn, valueAfterField } from '../../../dialogs/request/fields.js';

describe('the fields of a request, as customers name them', () => {
  const named: Array<[string, ReturnType<typeof fieldNamed>]> = [
    ["le motif est faux", 'reason'],
    ["l'email est faux", 'email'],
    ['the email is wrong', 'email'],
    ['change the name', 'name'],
    ['le nom est faux', 'name'],
    ['mauvais numero', 'phone'],
    ["change l'heure", 'time'],
    ['change the time to friday 10am', 'time'],
    ['le nom et le mail sont faux', undefined], // two fields: ask which
    ['envoyez', undefined],
  ];
  for (const [typed, field] of named) it(`"${typed}" names ${field ?? 'no single field'}`, () => expect(fieldNamed(typed)).to.equal(field));

  const names: Array<[string, string | undefined]> = [
    ['Marie Martin', 'Marie Martin'],
    ["je m'appelle Paul Martin", 'Paul Martin'],
    ['my name is Jane Smith', 'Jane Smith'],
    ['  Jean-Pierre   Dubois ', 'Jean-Pierre Dubois'],
    ['comment on scanne en recto verso ?', undefined],
    ['jane@example.com', undefined],
    ['06 12 34 56 78', undefined],
    ['je voudrais savoir comment faire pour importer mes factures', undefined],
  ];
  for (const [typed, name] of names) it(`reads "${typed}" as ${name ? `the name "${name}"` : 'no name'}`, () => expect(nameIn(typed, 'fr')).to.equal(name));

  it('knows a written-out name by its capitals', () => {
    expect(looksLikeAName('Marie Lefebvre', 'fr')).to.equal(true);
    expect(looksLikeAName('marie lefebvre', 'fr')).to.equal(false);
    expect(looksLikeAName('Merci', 'fr')).to.equal(false);
  });

  it('takes the new value after the field', () => {
    expect(valueAfterField('the name, it should be Dave Price')).to.equal('Dave Price');
    expect(valueAfterField("le nom c'est Paul Durand")).to.equal('Paul Durand');
    expect(valueAfterField('le nom est faux')).to.equal(undefined);
    expect(valueAfterField('the email is wrong')).to.equal(undefined);
    expect(valueAfterField('change the name')).to.equal(undefined);
  });
});
