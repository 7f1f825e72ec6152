import { expect } from 'chai';
import { maskActivity, maskPersonalData } from '../../tickets/masking.js';

describe('personal data masked in what is kept for analysis', () => {
  const table: Array<[string, string]> = [
    ['mon mail est jane.smith@example.com merci', 'mon mail est [email] merci'],
    ['rappelez moi au 06 12 34 56 78', 'rappelez moi au [phone]'],
    ['call +44 20 7946 0958 please', 'call [phone] please'],
    ['tel 0612345678.', 'tel [phone].'],
    ['ma carte 4111 1111 1111 1111 est refusée', 'ma carte [card] est refusée'],
    ['IBAN FR76 3000 6000 0112 3456 7890 189 pour le prélèvement', 'IBAN [iban] pour le prélèvement'],
    // Kept as they are: references, dates, times, versions, short numbers.
    ['ou en est L1-20261124-0001 ?', 'ou en est L1-20261124-0001 ?'],
    ['version 12.4 installée le 24/11/2026', 'version 12.4 installée le 24/11/2026'],
    ['mardi 24 novembre, 14:00 – 15:00', 'mardi 24 novembre, 14:00 – 15:00'],
    ['numéro de commande 12345', 'numéro de commande 12345'],
    ['mot de passe oublié', 'mot de passe oublié'],
  ];
  for (const [text, masked] of table) it(`"${text}"`, () => expect(maskPersonalData(text)).to.equal(masked));

  it('masks what people read in an activity, not its ids or addresses', () => {
    const activity = {
      type: 'message', id: 'c8237462837|0000042', conversation: { id: 'c8237462837' }, timestamp: '2026-11-24T09:00:00.000Z',
      text: 'Nous appellerons le +33 6 12 34 56 78',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [{ type: 'FactSet', facts: [{ title: 'Réponse à', value: 'anne@exemple.fr' }] }] } }],
      suggestedActions: { actions: [{ type: 'imBack', title: 'anne@exemple.fr', value: 'anne@exemple.fr' }] },
    };
    expect(maskActivity(activity)).to.deep.equal({
      ...activity,
      text: 'Nous appellerons le [phone]',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [{ type: 'FactSet', facts: [{ title: 'Réponse à', value: '[email]' }] }] } }],
      suggestedActions: { actions: [{ type: 'imBack', title: '[email]', value: '[email]' }] },
    });
  });
});

describe('addresses the company publishes', () => {
  it('stay as they are; a customer\'s are masked', () => {
    const keepEmails = new Set(['support@scriba.example']);
    expect(maskPersonalData('écrivez à support@scriba.example ou à anne@exemple.fr', { keepEmails })).to.equal('écrivez à support@scriba.example ou à [email]');
  });
});

describe('long texts (the same answers again and again)', () => {
  const answer = `${'Pour réinstaller Scriba 4.2, fermez le logiciel puis relancez l’installation. '.repeat(4)}Écrivez à support@scriba.example ou appelez Anne au 06 12 34 56 78.`;

  it('are masked the same way every time, for each set of kept addresses', () => {
    const keepEmails = new Set(['support@scriba.example']);
    const expected = answer.replace('06 12 34 56 78', '[phone]');
    expect(maskPersonalData(answer, { keepEmails })).to.equal(expected);
    expect(maskPersonalData(answer, { keepEmails })).to.equal(expected);
    expect(maskPersonalData(answer)).to.equal(expected.replace('support@scriba.example', '[email]'));
    expect(maskPersonalData(answer.replace('Anne', 'Paul'), { keepEmails })).to.equal(expected.replace('Anne', 'Paul'));
  });
});
