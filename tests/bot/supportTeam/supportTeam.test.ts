// The support team in Teams, with activities recorded from Teams (tests/bot/supportTeam/recorded/):
// a customer's ticket is posted as a card in the team's channel; Anne (an agent in the console)
// assigns it from the card, answers in its thread and resolves it; the card changes in place for
// everyone; the customer hears each step. Marc, in the team but without a console account, and
// anyone outside the team cannot act. The card JSON before and after an action is saved in
// tests/screenshots/ for the record.
import { expect } from 'chai';
import type { Activity, TurnContext } from 'botbuilder';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chatSubscriber } from '../../../bot/proactive.js';
import { requestCard } from '../../../bot/supportTeam/requestCard.js';
import { createSupportTeam } from '../../../bot/supportTeam/supportTeam.js';
import type { HelpdeskRequest } from '../../../tickets/types.js';
import { sampleTicket } from '../../tickets/helpers.js';
import { parseBusinessHours } from '../../../dialogs/contact/businessHours.js';
import { createDispatcher } from '../../../notify/dispatcher.js';
import { createAccountStore } from '../../../staff/accounts.js';
import { DEFAULT_FIRST_REPLY_HOURS } from '../../../staff/requestDue.js';
import { createFileStaffRecords } from '../../../tickets/staffRecords.js';
import { SCREENSHOTS } from '../../web/helpers.js';
import { botOn, memoryLog, ProactiveTestAdapter, says, tempDataDir, TEST_NOW, typesATicket } from '../../helpers/conversation.js';

const TEAM = '19:Support8f2c1d@thread.tacv2';
const ANNE = '29:1AnneMartinXq4kT0bZ';
const MARC = '29:1MarcPetitR7u2Lw9';
/** What Teams answers to GET …/members/{id} for the team's members (TeamsInfo.getMember). */
const ROSTER: Record<string, string> = { [ANNE]: 'anne.martin@scriba.example', [MARC]: 'marc.petit@scriba.example' };

/** The Teams service as the bot sees it: posts get Teams' numeric message ids, updates replace in place. */
class TeamsService extends ProactiveTestAdapter {
  private next = 1732439000000;
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]) {
    for (const a of activities) a.id ??= String(this.next++);
    return super.sendActivities(context, activities);
  }
  inConversation(id: string): Partial<Activity>[] {
    return this.activeQueue.filter((a) => a.conversation?.id === id && a.type === 'message');
  }
}

async function recorded(name: string, fill: Record<string, string>): Promise<Partial<Activity>> {
  let text = await readFile(path.join(import.meta.dirname, 'recorded', name), 'utf8');
  for (const [key, value] of Object.entries(fill)) text = text.replaceAll(`{{${key}}}`, value);
  return JSON.parse(text) as Partial<Activity>;
}

type Card = { body: Array<{ type: string; facts?: Array<{ title: string; value: string }>; text?: string }>; actions: Array<{ type: string; title: string }> };
const factsOf = (card: Card) => Object.fromEntries((card.body.find((b) => b.type === 'FactSet')?.facts ?? []).map((f) => [f.title, f.value]));
const cardIn = (activity: Partial<Activity> | undefined) => activity?.attachments?.[0]?.content as Card;

async function setUp() {
  const dataDir = await tempDataDir();
  const bot = await botOn(dataDir, { locale: 'fr-FR', conversationId: 'conv-claire' });
  const records = createFileStaffRecords(dataDir);
  await createAccountStore({ records }).upsert('anne.martin@scriba.example', 'a long password for anne', 'agent');
  const teams = new TeamsService(async (context) => bot.parts.bot.run(context));
  bot.parts.attach(teams);
  const team = createSupportTeam({
    config: { teamId: TEAM, channelId: TEAM, serviceUrl: 'https://smba.trafficmanager.net/emea/', lang: 'fr', consoleUrl: 'https://help.scriba.example' },
    store: bot.store,
    state: bot.state,
    staff: records,
    rules: { firstReplyHours: DEFAULT_FIRST_REPLY_HOURS, business: parseBusinessHours('mon-fri 09:00-18:00', 'Europe/Paris') },
    now: () => TEST_NOW,
    channel: teams,
    bot: { id: '28:4f2c2d8e-0000-4a5b-9c8d-7e6f5a4b3c2d', name: 'Scriba' },
    memberEmail: async (context) => ROSTER[context.activity.from.id],
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  bot.parts.bot.handleSupportTeam(team);
  const dispatcher = createDispatcher({
    outbox: bot.store.outbox,
    subscribers: [chatSubscriber({ store: bot.store, channelFor: () => bot.adapter, tell: bot.parts.tellCustomer }), team.subscriber],
    log: { info: () => undefined, warn: () => undefined },
  });
  const reference = await typesATicket(bot.adapter, 'fr', {
    ask: "je veux parler a quelqu'un par mail", reason: "l'impression des factures plante sur le poste de l'accueil", name: 'claire dubois', email: 'claire.dubois@exemple.fr', send: 'oui envoie',
  });
  await dispatcher.kick();
  const posted = teams.inConversation(TEAM);
  expect(posted, 'one card posted in the support channel').to.have.length(1);
  const messageId = posted[0]!.id!;
  /** Runs a recorded Teams activity through the bot; the replies it gave. */
  const fromTeams = async (name: string, changes: Partial<Activity> = {}) => {
    const before = teams.activeQueue.length;
    await teams.processActivity({ ...(await recorded(name, { reference, messageId })), ...changes } as Activity);
    await dispatcher.kick();
    return teams.activeQueue.slice(before);
  };
  const invokeCard = (replies: Partial<Activity>[]) => {
    const response = replies.find((a) => a.type === 'invokeResponse')?.value as { status: number; body: { type: string; value: unknown } };
    expect(response.status).to.equal(200);
    return response.body;
  };
  const customerHeard = () => bot.adapter.activeQueue.splice(0).map((a) => a.text ?? '');
  return { bot, teams, reference, messageId, fromTeams, invokeCard, customerHeard, dispatcher };
}

describe('the support team in Teams (recorded Teams activities)', () => {
  it('says in the log what to configure when it is added to a team, and greets nobody there', async () => {
    const log = memoryLog();
    const bot = await botOn(await tempDataDir(), { log });
    const teams = bot.parts.attach(new ProactiveTestAdapter(async (context) => bot.parts.bot.run(context)));
    await teams.processActivity(await recorded('installedInTeam.conversationUpdate.json', {}) as Activity);
    expect(log.lines.map((l) => l.msg)).to.include('added to a Teams team: TEAMS_SUPPORT_TEAM=19:Support8f2c1d@thread.tacv2 TEAMS_SERVICE_URL=https://smba.trafficmanager.net/emea/ make it the support team');
    expect(teams.activeQueue, 'the bot alone was added: no welcome').to.deep.equal([]);
  });

  it('posts a new ticket as a card with what the next level needs, and Assign to me, Change status, Open in the console', async () => {
    const { teams, reference } = await setUp();
    const card = cardIn(teams.inConversation(TEAM)[0]);
    expect(card.body[0]).to.deep.include({ type: 'ColumnSet' });
    expect(JSON.stringify(card.body[0])).to.include(`${reference} · Nouveau ticket`);
    expect(factsOf(card)).to.deep.include({ Statut: 'Ouverte', Responsable: 'Personne pour l’instant', Priorité: 'Normale' });
    expect(factsOf(card).Client).to.equal('claire dubois · claire.dubois@exemple.fr');
    expect(card.actions.map((a) => [a.type, a.title])).to.deep.equal([
      ['Action.Execute', 'M’attribuer'], ['Action.ShowCard', 'Changer le statut'], ['Action.OpenUrl', 'Ouvrir dans la console'],
    ]);
    expect(card).to.deep.include({ version: '1.5' });
    expect((card as unknown as { refresh: unknown }).refresh).to.deep.equal({ action: { type: 'Action.Execute', verb: 'refresh', data: { reference } }, userIds: [] });
  });

  it("keeps the support channel out of the customers' transcripts", async () => {
    const { bot, fromTeams } = await setUp();
    await fromTeams('threadReply.message.json');
    const listed = await bot.store.searchTranscripts({});
    expect(listed.conversations.map((c) => c.conversationId)).to.deep.equal(['conv-claire']);
  });

  it('Anne assigns it to herself from the card: her card and everyone\'s show her as owner', async () => {
    const { teams, bot, reference, fromTeams, invokeCard } = await setUp();
    const before = cardIn(teams.inConversation(TEAM)[0]);
    const body = invokeCard(await fromTeams('assignToMe.invoke.json'));
    expect(body.type).to.equal('application/vnd.microsoft.card.adaptive');
    const after = body.value as Card;
    expect(factsOf(after).Responsable).to.equal('anne.martin@scriba.example');
    expect(after.actions.map((a) => a.title), 'no Assign to me once owned').to.not.include('M’attribuer');
    // The card in the channel changed in place (the same message), for every member.
    const inChannel = teams.inConversation(TEAM);
    expect(inChannel).to.have.length(1);
    expect(factsOf(cardIn(inChannel[0])).Responsable).to.equal('anne.martin@scriba.example');
    expect((await bot.store.findByReference(reference))?.assignee).to.equal('anne.martin@scriba.example');
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(path.join(SCREENSHOTS, 'teams-card-before.json'), JSON.stringify(before, null, 2));
    await writeFile(path.join(SCREENSHOTS, 'teams-card-after-assign.json'), JSON.stringify(after, null, 2));
  });

  it('a reply in the card\'s thread reaches the customer; the customer\'s answer appears in the thread', async () => {
    const { teams, bot, reference, messageId, fromTeams, customerHeard } = await setUp();
    const replies = await fromTeams('threadReply.message.json');
    expect(replies.map((a) => a.text)).to.include(`Envoyé au client de ${reference}.`);
    const heard = customerHeard();
    expect(heard.join('\n')).to.include(`L'équipe support a répondu à votre demande ${reference}`).and.include("> Bonjour Claire, pouvez-vous relancer l'impression depuis le poste 2 ?");
    const stored = await bot.store.findByReference(reference);
    expect(stored?.messages?.map((m) => [m.from, m.by, m.visibility])).to.deep.equal([['staff', 'anne.martin@scriba.example', 'public']]);

    await bot.adapter.send("c'est fait, ca marche depuis le poste 2 mais pas l'accueil").assertReply(says(`Ajouté à la demande **${reference}**`)).startTest();
    await fromTeams('threadReply.message.json', { text: '<at>Scriba</at> note: vérifier le pilote de l’accueil' }); // the dispatcher runs after it
    const thread = teams.inConversation(`${TEAM};messageid=${messageId}`).map((a) => a.text);
    expect(thread).to.include("💬 claire dubois: c'est fait, ca marche depuis le poste 2 mais pas l'accueil");
    expect(thread).to.include(`Note interne ajoutée à ${reference}.`);
    expect(customerHeard(), 'an internal note is not told').to.deep.equal([]);
  });

  it('resolving from the card with a note for the customer tells the customer and updates the card', async () => {
    const { teams, bot, reference, fromTeams, invokeCard, customerHeard } = await setUp();
    customerHeard();
    const after = invokeCard(await fromTeams('setStatus.invoke.json')).value as Card;
    expect(factsOf(after).Statut).to.equal('Résolue');
    expect(factsOf(cardIn(teams.inConversation(TEAM)[0])).Statut).to.equal('Résolue');
    expect((await bot.store.findByReference(reference))?.statusHistory.at(-1)).to.deep.include({ status: 'resolved', by: 'anne.martin@scriba.example', public: true });
    expect(customerHeard().join('\n')).to.include(`Votre demande ${reference} est maintenant résolue.`).and.include("> Le pilote de l'imprimante a été mis à jour sur le serveur.");
    await writeFile(path.join(SCREENSHOTS, 'teams-card-after-resolve.json'), JSON.stringify(after, null, 2));
  });

  it('refuses Marc (in the team, no console account) and anyone outside the team, and changes nothing', async () => {
    const { bot, reference, fromTeams, invokeCard } = await setUp();
    const marc = invokeCard(await fromTeams('assignToMe.invoke.json', { from: { id: MARC, name: 'Marc Petit' } }));
    expect(marc).to.deep.equal({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'marc.petit@scriba.example n’a pas de compte agent ou admin dans la console support : demandez à un admin d’en créer un.' });
    const elsewhere = await recorded('assignToMe.invoke.json', { reference, messageId: '1' });
    const outsider = invokeCard(await fromTeams('assignToMe.invoke.json', { channelData: { ...(elsewhere.channelData as object), team: { id: '19:OtherTeam@thread.tacv2' } } }));
    expect(outsider.value).to.equal('Les demandes se traitent depuis l’équipe support seulement.');
    expect((await bot.store.findByReference(reference))?.assignee).to.equal(undefined);
    const thread = await fromTeams('threadReply.message.json', { from: { id: MARC, name: 'Marc Petit' } });
    expect(thread.map((a) => a.text).join('\n')).to.include('n’a pas de compte agent ou admin');
    expect((await bot.store.findByReference(reference))?.messages).to.equal(undefined);
  });

  it('gives the card as it is now to a refresh, after a change made in the console', async () => {
    const { bot, reference, fromTeams, invokeCard } = await setUp();
    await bot.store.changeRequest(reference, { type: 'priority', priority: 'urgent', by: 'lea@scriba.example' });
    const refreshed = invokeCard(await fromTeams('assignToMe.invoke.json', {
      value: { action: { type: 'Action.Execute', verb: 'refresh', data: { reference } }, trigger: 'automatic' },
    } as Partial<Activity>)).value as Card;
    expect(factsOf(refreshed).Priorité).to.equal('Urgente');
  });

  it('names the files the customer sent, and those they added later, on the card', () => {
    const at = '2026-11-23T14:05:09+01:00';
    const file = (id: string, name: string) => ({ id: id.padEnd(22, 'A'), name, contentType: 'image/png', size: 2048 });
    const request: HelpdeskRequest = {
      ...sampleTicket({ attachments: [file('a', 'erreur export.png')] }), kind: 'ticket', reference: 'L1-20261123-0001', createdAt: at, status: 'open', statusHistory: [{ status: 'open', at }],
      messages: [{ id: 'm1', at, from: 'customer', text: '', visibility: 'public', attachments: [file('b', 'export.log')] }],
    };
    const card = requestCard(request, { lang: 'fr', rules: { firstReplyHours: DEFAULT_FIRST_REPLY_HOURS, business: parseBusinessHours('mon-fri 09:00-18:00', 'Europe/Paris') }, now: new Date(at) }) as unknown as Card;
    expect(factsOf(card).Fichiers).to.equal('erreur export.png, export.log');
    expect(factsOf(requestCard({ ...request, attachments: [], messages: [] }, { lang: 'fr', rules: { firstReplyHours: DEFAULT_FIRST_REPLY_HOURS, business: parseBusinessHours('mon-fri 09:00-18:00', 'Europe/Paris') }, now: new Date(at) }) as unknown as Card)).to.not.have.property('Fichiers');
  });
});
