// A troubleshooting step answered in the customer's own words.
import { expect } from 'chai';
import { pickFlowChoice, polarityOf } from '../../dialogs/flowChoice.js';
import type { ControlIntent } from '../../dialogs/understand/controlIntents.js';

const quarantine = { step: "Ouvrez la quarantaine de votre antivirus. Si Scriba.exe y figure, restaurez-le et autorisez-le.", labels: ['Restauré, Scriba fonctionne', 'Restauré, mais toujours bloqué', 'Rien en quarantaine'] };
const restart = { step: 'Fermez complètement Scriba, puis relancez-le.', labels: ['Scriba démarre', 'Scriba ne démarre pas'] };
const service = { step: 'On the database server, open services.msc and check that the SQL Server service is "Running". Start it if needed.', labels: ['The service is running', "The service won't start"] };
const test = { step: 'In Scriba, open Administration › Database › Test connection. Does the test succeed?', labels: ['Succeeded, Scriba works', 'Succeeded, but SQL errors', 'The test fails'] };
const repair = { step: 'Open Settings › Apps, select Scriba, then Modify › Repair. Restart the PC afterwards. Does Scriba start?', labels: ['Yes, it works', 'No, still nothing'] };

describe('a flow step answered in words', () => {
  const table: Array<[string, { step: string; labels: string[] }, 'fr' | 'en', ControlIntent | undefined, number | undefined]> = [
    ['y avait rien dans la quarantaine', quarantine, 'fr', undefined, 2],
    ["jai restauré mais c'est tjs bloqué", quarantine, 'fr', undefined, 1],
    ['ok il redemarre', restart, 'fr', undefined, 0],
    ['nan toujours pas', restart, 'fr', 'no', 1],
    ['yes the service is running', service, 'en', 'yes', 0],
    ['service is up and running', service, 'en', undefined, 0],
    ['test connection failed :(', test, 'en', undefined, 2],
    ['connection test passes but we get sql errors when saving docs', test, 'en', undefined, 1],
    ['did the repair + reboot and its working now!!', repair, 'en', undefined, 0],
    // Not answers to this step: a request for a person, a later step, something else.
    ['bon je peux parler a quelqu\'un plutot ?', restart, 'fr', undefined, undefined],
    ['test connection failed', service, 'en', undefined, undefined],
    ['how do I export to DATEV', repair, 'en', undefined, undefined],
  ];
  for (const [typed, here, lang, intent, expected] of table) {
    it(`"${typed}" → ${expected === undefined ? 'not understood' : `"${here.labels[expected]}"`}`, () => {
      expect(pickFlowChoice(typed, here.labels, lang, intent, here.step)).to.equal(expected);
    });
  }

  it('reads success and failure, negations included', () => {
    expect(polarityOf('Scriba ne démarre pas', 'fr')).to.equal(-1);
    expect(polarityOf('Scriba démarre', 'fr')).to.equal(1);
    expect(polarityOf("it still doesn't start", 'en')).to.equal(-1);
    expect(polarityOf('the connection works', 'en')).to.equal(1);
    expect(polarityOf('I checked the port', 'en')).to.equal(0);
  });
});
