import { cityOf, listed, type Strings } from './strings.js';
import type { RequestStatus, SupportLevel } from '../tickets/types.js';

const STATUS: Record<RequestStatus, string> = { open: 'ouverte', 'in-progress': 'en cours de traitement', resolved: 'résolue', closed: 'clôturée' };
const QUEUES: Record<SupportLevel, string> = { 1: "l'assistance", 2: 'un technicien', 3: 'nos experts produit', 4: 'notre partenaire pour votre infrastructure' };
const FIELDS = { reason: 'le motif', name: 'le nom', email: "l'adresse e-mail", phone: 'le numéro de téléphone', time: "l'heure de l'appel" } as const;
const FIELD_BUTTONS = { reason: 'Le motif', name: 'Le nom', email: "L'e-mail", phone: 'Le téléphone', time: "L'heure" } as const;

export const fr: Strings = {
  welcome: "Bonjour ! Je suis l'assistant Scriba. Posez-moi votre question sur Scriba avec vos mots, en français ou en anglais.",
  topicsIntro: 'Questions fréquentes :',
  help: "Posez votre question avec vos mots (« comment réinitialiser mon mot de passe ? »). Vous pouvez aussi dire « parler à un conseiller », « rappelez-moi », « où en est ma demande L1-… », « annuler » pour arrêter ce que nous faisons, « recommencer », ou « in English » pour changer de langue.",
  restarted: "C'est reparti de zéro. Que puis-je faire pour vous ?",
  covers: (why) =>
    (why === 'abuse' ? 'Restons courtois, je suis là pour vous aider. ' : '') +
    "Je réponds aux questions sur Scriba : installation, connexion, numérisation, recherche, base de données, abonnement… et je peux vous mettre en relation avec l'assistance. Par exemple :",

  readFullArticle: (url) => `[Lire l'article complet →](${url})`,
  didItHelp: 'Cette réponse a-t-elle répondu à votre question ?',
  yes: 'Oui',
  no: 'Non',
  thanksHelpful: "Parfait, ravi d'avoir pu vous aider ! Autre chose ?",
  whatWasMissing: "Désolé. Qu'est-ce qui manquait ? (Vous pouvez passer cette étape.)",
  skip: 'Passer',
  noted: "Merci, c'est noté. Cela nous aide à améliorer nos réponses.",
  afterNotHelpful: 'Que souhaitez-vous faire ?',
  rephrase: 'Reformuler ma question',
  contactSupport: (level) => (level === 2 ? 'Être rappelé' : "Contacter l'assistance"),
  pleaseRephrase: 'Je vous écoute : posez votre question autrement.',
  yesOrNo: 'Dites-moi simplement oui ou non : cette réponse vous a-t-elle aidé ?',

  clarify: "Je ne suis pas sûr d'avoir compris. Vouliez-vous dire…",
  noneOfThese: 'Aucune de ces réponses',
  notUnderstood: "Désolé, je n'ai pas compris. Pouvez-vous reformuler votre question avec d'autres mots ?",
  notUnderstoodAgain: "Je ne comprends toujours pas, désolé. Voulez-vous contacter l'assistance ?",
  notUnderstoodOther: (reason) => (reason === 'too-long' ? 'Votre message est trop long pour moi : pouvez-vous poser votre question en une ou deux phrases ?' : 'Pouvez-vous poser votre question avec des mots ?'),

  flowStart: (title) => `Résolvons cela étape par étape : ${title}.`,
  flowStep: (n, total, text) => `**Étape ${n}/${total}.** ${text}`,
  flowResolved: 'Content que cela fonctionne à nouveau ! Autre chose ?',
  flowEscalate: 'Je vous mets en relation avec notre équipe, avec les étapes déjà essayées.',
  pickAChoice: "Je n'ai pas compris votre réponse à cette étape. Choisissez une des options, ou décrivez ce que vous voyez.",

  hello: 'Bonjour ! Que puis-je faire pour vous ?',
  youAreWelcome: 'Avec plaisir ! Autre chose ?',
  goodbye: 'Au revoir et bonne journée !',
  whatElse: "D'accord. Que puis-je faire pour vous ?",
  anythingElse: '🙂 Puis-je vous aider pour autre chose ?',
  nothingToCancel: "Il n'y a rien à annuler. Que puis-je faire pour vous ?",
  switchedLanguage: "D'accord, continuons en français.",

  humanChoice: 'Bien sûr. Comment notre équipe peut-elle vous joindre ?',
  humanTicket: 'Par e-mail (ticket)',
  humanCallback: 'Par téléphone (rappel)',

  ticketIntro: (queue, reason) => `Je vais ouvrir un ticket pour ${queue}${reason ? ` avec le motif « ${reason} »` : ''}.`,
  callbackIntro: (reason) => `Un technicien va vous rappeler${reason ? ` au sujet de « ${reason} »` : ''}.`,
  askReason: "En une phrase, pour quoi avez-vous besoin d'aide ?",
  invalidReason: 'Décrivez votre besoin en une phrase, par exemple « je ne peux plus numériser depuis la mise à jour ».',
  askName: 'Quel est votre nom ?',
  invalidName: 'Cela ne ressemble pas à un nom. Indiquez votre nom en lettres, par exemple « Marie Martin ».',
  askEmail: 'À quelle adresse e-mail devons-nous répondre ?',
  invalidEmail: "Cette adresse e-mail ne semble pas correcte. Saisissez-la sous la forme nom@entreprise.fr.",
  askPhone: 'À quel numéro devons-nous vous appeler ? Par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.',
  invalidPhone: "Ce numéro ne semble pas valide. Saisissez-le avec l'indicatif du pays s'il n'est pas français, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.",
  premiumPhone: 'Nous ne pouvons pas appeler un numéro surtaxé ou à coût partagé. Indiquez un autre numéro, par exemple 06 12 34 56 78.',
  askSlot: (zone) => `Quand souhaitez-vous être rappelé ? Choisissez un créneau ou écrivez un jour et une heure, par exemple « demain 14h » (${zone}).`,
  outsideHours: (hours, zone) => `Nous appelons ${hours} (${zone}). Voici les créneaux les plus proches :`,
  invalidSlot: 'Choisissez un créneau ou écrivez un jour et une heure, par exemple « jeudi 10h » ou « le plus tôt possible ».',
  moreTimes: 'Autres horaires',
  askConsent: (phone) => `Acceptez-vous qu'un technicien Scriba vous appelle au ${phone} pour cette demande ?`,
  consentYes: 'Oui, appelez-moi',
  consentNo: 'Non',
  invalidConsent: "Répondez oui pour être appelé, ou non si vous préférez une réponse par e-mail.",
  consentRefused: "D'accord, nous ne vous appellerons pas. Votre demande est gardée : voulez-vous plutôt une réponse par e-mail ?",
  invalidKind: 'Dites « par e-mail » pour un ticket ou « par téléphone » pour être rappelé.',
  fieldNoted: (field) => `C'est noté pour ${FIELDS[field]}.`,
  alreadyPreparing: 'Je prépare justement votre demande pour notre équipe.',
  switchedTo: (kind) => (kind === 'callback' ? "D'accord, nous vous rappellerons plutôt." : "D'accord, nous vous répondrons plutôt par e-mail."),
  ticketSummary: (s) => `Vérifiez, s'il vous plaît :\n\n- **Motif :** ${s.reason}\n- **Nom :** ${s.name}\n- **E-mail :** ${s.email}\n- **Transmis à :** ${s.queue}\n\nJe l'envoie ? Vous pouvez aussi me dire ce qui est à corriger.`,
  callbackSummary: (s) => `Vérifiez, s'il vous plaît :\n\n- **Motif :** ${s.reason}\n- **Nom :** ${s.name}\n- **Téléphone :** ${s.phone}\n- **Quand :** ${s.slot}\n\nJe l'envoie ? Vous pouvez aussi me dire ce qui est à corriger.`,
  send: 'Envoyer',
  change: 'Corriger',
  cancelRequest: 'Annuler la demande',
  invalidSummary: "Dites « envoyer » pour l'envoyer, ou ce qui est à corriger (« le nom est faux », « changer l'e-mail »).",
  whatToChange: 'Que faut-il corriger ?',
  fieldLabel: (field) => FIELD_BUTTONS[field],
  resumeRequest: (kind) => `Reprenons-nous votre demande${kind === 'callback' ? ' de rappel' : kind === 'ticket' ? ' de ticket' : ''} là où nous en étions ?`,
  continueRequest: 'Reprendre ma demande',
  ticketSaved: (reference) => `Votre ticket est enregistré. Votre numéro de dossier est **${reference}** : rappelez-le si vous nous contactez. Nous vous répondrons par e-mail.`,
  callbackSaved: (reference, slot) => `Votre demande de rappel est enregistrée pour ${slot}. Votre numéro de dossier est **${reference}**.`,
  requestCancelled: "D'accord, j'ai arrêté : rien n'a été envoyé. Que puis-je faire pour vous ?",
  stopped: "D'accord, j'ai arrêté. Que puis-je faire pour vous ?",
  saveFailed: "Désolé, je n'ai pas pu enregistrer votre demande pour le moment : je n'ai donc pas de numéro de dossier à vous donner. Votre demande est gardée : dites « envoyer » dans un instant pour réessayer.",
  reasonWithMissing: (reason, missing) => `${reason} (manquait dans la réponse : ${missing})`,

  askReference: 'Quel est votre numéro de dossier ? Il ressemble à L1-20261123-0042.',
  invalidReference: "Je n'ai pas trouvé de numéro de dossier. Il ressemble à L1-20261123-0042 (ticket) ou L2-20261123-0007 (rappel).",
  askStatusContact: (reference) => `Pour protéger la demande ${reference}, quelle adresse e-mail ou quel numéro de téléphone avez-vous indiqué ?`,
  statusIs: (reference, status, when) => `La demande **${reference}** est **${STATUS[status]}** (dernière mise à jour ${when}).`,
  callbackStatusIs: (reference, status, slot) => `Votre demande de rappel **${reference}** est **${STATUS[status]}** : nous vous appellerons ${slot}.`,
  statusNotFound: (reference) => `Je ne trouve pas de demande ${reference} avec ces coordonnées. Vérifiez le numéro et l'e-mail ou le téléphone.`,
  statusLocked: (reference, minutes) => `Trop d'essais avec de mauvaises coordonnées pour la demande ${reference} : par sécurité, réessayez dans ${minutes} minutes, ou demandez à parler à un conseiller.`,
  latestReply: (when, text) => `Dernier message de notre équipe support (${when}) :\n\n> ${text.replace(/\n/g, '\n> ')}`,
  askAddition: (reference) => `Que voulez-vous ajouter à la demande ${reference} ?`,
  addedToRequest: (reference) => `Ajouté à la demande **${reference}** : l'équipe support le verra. Pour me poser une autre question, dites « recommencer ».`,
  fromHelpPage: (title) => `Vous lisiez « ${title} » dans le centre d'aide : je transmets votre demande à l'équipe support, avec cet article.`,
  filesKept: (names) => `Bien reçu : ${listed(names, 'fr')}. ${names.length > 1 ? 'Ils seront joints' : 'Il sera joint'} à votre demande si vous en ouvrez une.`,
  filesKeptAskProblem: (names) => `Bien reçu : ${listed(names, 'fr')}. Dites-moi en quelques mots ce qui ne va pas : je cherche une réponse, et ${names.length > 1 ? 'ces fichiers suivront' : 'ce fichier suivra'} votre demande si vous en ouvrez une.`,
  filesAddedToRequest: (reference, names) => `Ajouté à la demande **${reference}** : ${listed(names, 'fr')}. L'équipe support le verra.`,
  fileRefused: (name, reason) => {
    switch (reason) {
      case 'type': return `Je n'ai pas pu accepter « ${name} » : j'accepte les images (PNG, JPEG…), les PDF, les fichiers texte et journaux (.txt, .log) et les archives .zip.`;
      case 'size': return `« ${name} » dépasse 10 Mo : envoyez une capture plus petite, ou compressez le fichier en .zip.`;
      case 'empty': return `« ${name} » est vide : rien n'a été reçu.`;
      case 'count': return `« ${name} » n'a pas été pris : 5 fichiers par message et 20 par conversation au plus.`;
    }
  },
  filesGoWithRequest: (names) => `Pièces jointes : ${listed(names, 'fr')}.`,

  notice: {
    subject: (reference, about) => `[${reference}] ${about === 'created' ? 'Nous avons bien reçu votre demande' : about === 'reply' ? 'Réponse à votre demande' : 'Votre demande a été mise à jour'}`,
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    created: (reference, kind) => (kind === 'callback'
      ? `Votre demande de rappel est enregistrée sous la référence ${reference}.`
      : `Votre demande est enregistrée sous la référence ${reference}. Le support vous répondra par e-mail.`),
    callbackAt: (slot) => `Nous vous appellerons ${slot}.`,
    statusChanged: (reference, status) => `Votre demande ${reference} est maintenant ${STATUS[status]}.`,
    replied: (reference) => `L'équipe support a répondu à votre demande ${reference} :`,
    fromSupport: (text) => `> ${text.replace(/\n/g, '\n> ')}`,
    answerInChat: (reference) => `Pour répondre, écrivez simplement ici : je l'ajouterai à la demande ${reference}.`,
    mailFooter: (reference, replies) => `Rappelez la référence ${reference} quand vous nous contactez. Pour ajouter quelque chose, ${replies ? 'répondez à cet e-mail ou ' : ''}dites à notre assistant « ajouter à mon ticket ${reference} : … ».\n\nL'équipe support Scriba`,
  },

  card: {
    ticketTitle: 'Ticket enregistré',
    callbackTitle: 'Rappel programmé',
    reference: 'Numéro de dossier',
    created: 'Enregistré le',
    sentTo: 'Transmis à',
    reason: 'Motif',
    email: 'Réponse à',
    phone: 'Nous appellerons le',
    when: 'Quand',
    quoteIt: 'Rappelez ce numéro quand vous nous contactez, ou demandez-moi « où en est ma demande ».',
  },

  queueName: (level) => QUEUES[level as SupportLevel] ?? QUEUES[1],
  zoneName: (timeZone) => `heure de ${cityOf(timeZone)}`,
  turnError: 'Désolé, un problème est survenu de mon côté. Vous pouvez reposer votre question, ou dire « parler à un conseiller ».',
};
