import { expect } from 'chai';
import { createLowdbStore } from '../../tickets/helpdeskStore.js';
import { botOn, offers, referenceIn, says, both, tempDataDir, TEST_NOW } from '../helpers/conversation.js';

describe('a French customer whose answer did not help asks to be called back', () => {
  it('re-asks an invalid phone with an example, then gives a reference once the request is on disk', async () => {
    const dataDir = await tempDataDir();
    const { adapter } = await botOn(dataDir, { locale: 'fr-FR' });
    let reference = '';
    await adapter
      .send('exproter mes facturs vers datev')
      .assertReply(says('export DATEV'))
      .assertReply(both(says('Cette réponse a-t-elle répondu à votre question ?'), offers('Oui', 'Non')))
      .send('non')
      .assertReply(both(says("Qu'est-ce qui manquait ?"), offers('Passer')))
      .send("le fichier n'est pas accepté par DATEV")
      .assertReply(says("c'est noté"))
      .assertReply(offers('Reformuler ma question', 'Être rappelé'))
      .send('Être rappelé')
      .assertReply(says('Un technicien va vous rappeler'))
      .assertReply(both(says('exproter mes facturs vers datev'), offers('Oui, le garder', 'Le modifier')))
      .send('Oui, le garder')
      .assertReply(says('Quel est votre nom ?'))
      .send('Marie Martin')
      .assertReply(says('À quel numéro'))
      .send('06 12 34')
      .assertReply(says('ne semble pas valide', '+33 6 12 34 56 78'))
      .send('0899 12 34 56')
      .assertReply(says('surtaxé', '+33 6 12 34 56 78'))
      .send('06 12 34 56 78')
      .assertReply(says('Quand souhaitez-vous être rappelé ?'))
      .send('plus tard')
      .assertReply(says('Choisissez un des créneaux proposés'))
      .send('1')
      .assertReply(both(says('+33 6 12 34 56 78'), offers('Oui, appelez-moi', 'Non')))
      .send('oui')
      .assertReply(both(says('Marie Martin', 'mardi 24 novembre'), offers('Envoyer', 'Annuler')))
      .send('Envoyer')
      .assertReply((a) => {
        reference = referenceIn(a.text);
        expect(a.text).to.include('Votre numéro de dossier est');
        // The confirmation card shows the same reference, with what was booked.
        const card = a.attachments?.[0];
        expect(card?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
        const json = JSON.stringify(card?.content);
        expect(json).to.include(reference).and.include('Rappel programmé').and.include('+33 6 12 34 56 78');
      })
      .startTest();

    expect(reference).to.match(/^L2-20261124-\d{4}$/);
    // A new store reads the files again: the request is on disk, with what the customer tried.
    const saved = await createLowdbStore({ dataDir, now: () => TEST_NOW }).findByReference(reference);
    expect(saved).to.deep.include({ kind: 'callback', status: 'open', language: 'fr', reason: 'exproter mes facturs vers datev', articleId: 'export-datev', consent: true });
    if (saved?.kind !== 'callback') throw new Error('not a callback');
    expect(saved.contact).to.deep.equal({ name: 'Marie Martin', phone: '+33612345678' });
    expect(saved.slot.start).to.equal('2026-11-24T11:00:00+01:00');
    expect(saved.tried.articles).to.deep.equal([
      { id: 'export-datev', title: saved.tried.articles[0]!.title, confidence: saved.tried.articles[0]!.confidence, feedback: 'not-helpful', missing: "le fichier n'est pas accepté par DATEV" },
    ]);
    expect(saved.tried.transcript.map((l) => l.text)).to.include('exproter mes facturs vers datev');
  });
});
