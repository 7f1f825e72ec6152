// The ticket and callback form as a plain function: what each message fills, asks again or changes.
// Turns are built from what was typed (entities, words, time); the intent and a knowledge answer are
// given as the turn understanding would give them.
import { expect } from 'chai';
import { parseBusinessHours } from '../../../dialogs/contact/businessHours.js';
import { formTurn, newForm, prepareQuestion, startForm, type Asking, type FormContext, type FormTurn, type RequestForm } from '../../../dialogs/request/form.js';
import type { ControlIntent } from '../../../dialogs/understand/controlIntents.js';
import { readTime, asksAsap } from '../../../dialogs/understand/dateTimes.js';
import { findEntities } from '../../../dialogs/understand/entities.js';
import { runningWords } from '../../../dialogs/understand/language.js';

const NOW = new Date('2026-11-24T09:00:00Z');
const ctx: FormContext = { now: NOW, hours: parseBusinessHours('mon-fri 09:00-18:00', 'Europe/Paris'), slots: { count: 4, slotMinutes: 60, minLeadMinutes: 60 } };

function said(text: string, extra: { intent?: ControlIntent; question?: string; pressed?: FormTurn['pressed']; known?: number; lang?: 'fr' | 'en' } = {}): FormTurn {
  const entities = findEntities(text);
  const lang = extra.lang ?? 'fr';
  return {
    text, lang, entities, words: runningWords(entities.rest), known: extra.known ?? 0, asap: asksAsap(entities.rest),
    time: () => readTime(entities.rest, lang, NOW, 'Europe/Paris'),
    ...(extra.intent ? { intent: extra.intent } : {}), ...(extra.question ? { question: extra.question } : {}), ...(extra.pressed ? { pressed: extra.pressed } : {}),
  };
}

/** A form waiting at `asking`, as the dialog leaves it. */
function at(asking: Asking, fields: Partial<RequestForm> = {}): RequestForm {
  return prepareQuestion({ ...newForm({ queue: 1 }), asking: 'kind', ...fields }, asking, ctx);
}

const callback = { kind: 'callback' as const, reason: 'Scriba ne démarre plus', name: 'Paul Martin', phone: { e164: '+33612345678', international: '+33 6 12 34 56 78' } };
const slot = { start: '2026-11-25T14:00:00+01:00', end: '2026-11-25T15:00:00+01:00' };
const ticket = { kind: 'ticket' as const, reason: 'Facture en double', name: 'Paul Martin', email: 'paul@exemple.fr' };

describe('the request form', function () {
  this.timeout(20_000);

  it('starts from a message that holds a phone number: a callback at that number, the reason asked', () => {
    const r = startForm(newForm({ queue: 1 }), said('rappelez moi au 06 12 34 56 78 svp', { intent: 'callback' }), ctx);
    expect(r.form.kind).to.equal('callback');
    expect(r.form.phone?.e164).to.equal('+33612345678');
    expect(r.next).to.deep.equal({ ask: 'reason' });
  });

  it('quotes the reason it was given and asks the name: a yes confirms it, a sentence replaces it', () => {
    const started = startForm(newForm({ kind: 'ticket', queue: 4, reason: 'pb nas synology' }), undefined, ctx);
    expect(started.says[0]).to.deep.equal({ say: 'intro' });
    expect(started.next).to.deep.equal({ ask: 'name' });
    const waiting = prepareQuestion(started.form, 'name', ctx);
    expect(formTurn(waiting, said('oui', { intent: 'yes' }), ctx).next).to.deep.equal({ ask: 'name' });
    const replaced = formTurn(waiting, said('en fait le NAS ne se réveille plus après la mise en veille'), ctx);
    expect(replaced.form.reason).to.equal('en fait le NAS ne se réveille plus après la mise en veille');
    expect(replaced.form.queue, 'the level stays').to.equal(4);
    expect(formTurn(waiting, said('non', { intent: 'no' }), ctx).next).to.deep.equal({ ask: 'reason' });
  });

  const table: Array<[string, RequestForm, FormTurn, { next: object; form?: Partial<RequestForm>; says?: string[] }]> = [
    ['a name is a name', at('name', { kind: 'ticket', reason: 'x' }), said('Marie Lefebvre'), { next: { ask: 'email' }, form: { name: 'Marie Lefebvre' } }],
    ['a written-out name is a name whatever a classifier reads in it', at('name', { kind: 'ticket', reason: 'x' }), said('Antoine Mercier', { intent: 'thanks' }), { next: { ask: 'email' }, form: { name: 'Antoine Mercier' } }],
    ['"merci" is no name', at('name', { kind: 'ticket', reason: 'x' }), said('merci', { intent: 'thanks' }), { next: { ask: 'name' }, says: ['invalid'] }],
    ['"ok let\'s continue" is no name: words the bot knows', at('name', { kind: 'ticket', reason: 'x' }), said("ok let's continue", { known: 1, lang: 'en' }), { next: { ask: 'name' }, says: ['invalid'] }],
    ['a question at the name is answered, and the form waits', at('name', { kind: 'ticket', reason: 'x' }), said('comment on scanne en recto verso ?', { question: 'scan-documents' }), { next: { ask: 'resume' }, form: { paused: 'name' }, says: ['answer'] }],
    ['an email at the name is kept, and the name asked again', at('name', { kind: 'ticket', reason: 'x' }), said('marie@exemple.fr'), { next: { ask: 'name' }, form: { email: 'marie@exemple.fr' }, says: ['noted'] }],
    ['"actually never mind" cancels', at('name', { kind: 'ticket', reason: 'x' }), said('actually never mind', { intent: 'cancel' }), { next: { cancel: true } }],
    ['a phone where the channel is asked: a callback at that number', at('kind', { reason: 'x' }), said('06 12 34 56 78'), { next: { ask: 'name' }, form: { kind: 'callback' }, says: ['intro'] }],
    ['"par mail" where the channel is asked', at('kind', { reason: 'x' }), said('par mail', { intent: 'ticket' }), { next: { ask: 'name' }, form: { kind: 'ticket' } }],
    ['an invalid phone is asked again, with why', at('phone', { ...callback, phone: undefined }), said('06 12 34'), { next: { ask: 'phone' }, says: ['invalid'] }],
    ['a premium-rate number is refused', at('phone', { ...callback, phone: undefined }), said('0899 12 34 56'), { next: { ask: 'phone' }, says: ['invalid'] }],
    ['a typed time inside the hours is taken', at('time', callback), said('demain 14h'), { next: { ask: 'consent' }, form: { slot } }],
    ['a time outside the hours gets the nearest times', at('time', callback), said('samedi'), { next: { ask: 'time' }, says: ['outside'] }],
    ['"the 2nd one" picks the second time offered', at('time', callback), said('le 2eme', { pressed: 'slot:1' }), { next: { ask: 'consent' } }],
    ['"other times" offers the next ones', at('time', callback), said('autres horaires', { intent: 'other' }), { next: { ask: 'time' } }],
    ['no to the call: the request is kept, by email instead?', at('consent', { ...callback, slot }), said('non', { intent: 'no' }), { next: { ask: 'kind' }, form: { kind: undefined, name: 'Paul Martin' }, says: ['consent-refused'] }],
    ['"send it" at the summary sends', at('summary', ticket), said('send it', { intent: 'yes', lang: 'en' }), { next: { save: true } }],
    ['"c bon envoie" sends', at('summary', ticket), said('c bon envoie', { intent: 'yes' }), { next: { save: true } }],
    ['"thanks" at the summary does not send', at('summary', ticket), said('thanks', { intent: 'thanks', lang: 'en' }), { next: { ask: 'summary' }, says: ['invalid'] }],
    ['"the email is wrong" asks for it again', at('summary', ticket), said('the email is wrong', { intent: 'correct', lang: 'en' }), { next: { ask: 'email' } }],
    ['"le nom est faux" asks for it again', at('summary', ticket), said('le nom est faux', { intent: 'correct' }), { next: { ask: 'name' }, form: { name: 'Paul Martin' } }],
    ['"the name should be Dave Price" changes it', at('summary', ticket), said('the name should be Dave Price', { lang: 'en' }), { next: { ask: 'summary' }, form: { name: 'Dave Price' }, says: ['noted'] }],
    ['"non c\'est le 07…" replaces the phone', at('summary', { ...callback, slot, consent: true }), said("non c'est le 07 81 23 45 67", { intent: 'no' }), { next: { ask: 'summary' }, form: { phone: { e164: '+33781234567', international: '+33 7 81 23 45 67' }, slot } }],
    ['"change the time to friday 10am" moves the call', at('summary', { ...callback, slot, consent: true }), said('change the time to friday 10am', { lang: 'en' }), { next: { ask: 'summary' }, form: { consent: true } }],
    ['an invalid new number at the summary is said so, and asked again', at('summary', { ...callback, slot, consent: true }), said("non c'est le 06 12 34 56"), { next: { ask: 'phone' }, says: ['invalid'], form: { phone: callback.phone } }],
    ['a plain "no" asks what to change, throwing nothing away', at('summary', ticket), said('non', { intent: 'no' }), { next: { ask: 'change' }, form: ticket }],
    ['something unclear at the summary is asked again', at('summary', ticket), said('hmm'), { next: { ask: 'summary' }, says: ['invalid'] }],
    ['"call me instead" in a ticket turns it into a callback, keeping the rest', at('email', { kind: 'ticket', reason: 'x', name: 'Paul Martin' }), said('call me instead', { intent: 'callback', lang: 'en' }), { next: { ask: 'phone' }, form: { kind: 'callback', name: 'Paul Martin' }, says: ['switched'] }],
    ['after a question, "continue" goes back where it was', at('resume', { ...ticket, email: undefined, paused: 'email' }), said('oui on reprend', { intent: 'yes' }), { next: { ask: 'email' } }],
    ['after a question, the answer to the waiting field is taken', at('resume', { ...ticket, email: undefined, paused: 'email' }), said('paul@exemple.fr'), { next: { ask: 'summary' }, form: { email: 'paul@exemple.fr' } }],
  ];
  for (const [what, form, turn, expected] of table) {
    it(what, () => {
      const r = formTurn(form, turn, ctx);
      expect(r.next).to.deep.equal(expected.next);
      for (const [key, value] of Object.entries(expected.form ?? {})) expect(r.form[key as keyof RequestForm], key).to.deep.equal(value);
      for (const say of expected.says ?? []) expect(r.says.map((s) => s.say), 'said').to.include(say);
    });
  }

  it('offers another way after the same question was asked twice', () => {
    let form = at('phone', { ...callback, phone: undefined });
    for (let i = 0; i < 2; i++) form = prepareQuestion(formTurn(form, said('aucune idee'), ctx).form, 'phone', ctx);
    expect(form.buttons).to.deep.equal(['ticket', 'cancel']);
  });
});
