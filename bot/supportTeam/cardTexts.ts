// What the support team's card says, in the team's language (TEAMS_SUPPORT_LOCALE).
import type { Lang } from '../../knowledge/types.js';
import type { RequestPriority, RequestStatus } from '../../tickets/types.js';
import type { DueState } from '../../staff/requestDue.js';

export interface CardTexts {
  ticket: string;
  callback: string;
  status: string;
  statuses: Record<RequestStatus, string>;
  owner: string;
  nobody: string;
  priority: string;
  priorities: Record<RequestPriority, string>;
  level: (level: number) => string;
  customer: string;
  callAt: string;
  firstReply: string;
  dues: Record<DueState, string>;
  tried: string;
  nothingTried: string;
  files: string;
  lastFromCustomer: string;
  assignToMe: string;
  changeStatus: string;
  newStatus: string;
  note: string;
  tellCustomer: string;
  save: string;
  openInConsole: string;
  replyHint: string;
  /** answers to the team */
  notStaff: (who: string) => string;
  notThisTeam: string;
  unknownRequest: string;
  replySent: (reference: string) => string;
  noteAdded: (reference: string) => string;
  threadHelp: string;
}

const en: CardTexts = {
  ticket: 'New ticket',
  callback: 'Callback to make',
  status: 'Status',
  statuses: { open: 'Open', 'in-progress': 'In progress', resolved: 'Resolved', closed: 'Closed' },
  owner: 'Owner',
  nobody: 'Nobody yet',
  priority: 'Priority',
  priorities: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  level: (level) => `Level ${level}`,
  customer: 'Customer',
  callAt: 'Call at',
  firstReply: 'First reply',
  dues: { due: 'due', overdue: 'OVERDUE since', met: 'in time', late: 'late' },
  tried: 'Already tried with the assistant',
  files: 'Files',
  nothingTried: 'Nothing: asked for a person straight away.',
  lastFromCustomer: 'Latest from the customer',
  assignToMe: 'Assign to me',
  changeStatus: 'Change status',
  newStatus: 'New status',
  note: 'Note (optional)',
  tellCustomer: 'Send the note to the customer too',
  save: 'Save',
  openInConsole: 'Open in the console',
  replyHint: 'Reply in this thread with @Scriba to answer the customer (start with "note:" for an internal note).',
  notStaff: (who) => `${who} has no agent or admin account in the support console: ask an admin to add one.`,
  notThisTeam: 'Requests are handled from the support team only.',
  unknownRequest: 'This request no longer exists (erased at the customer\'s request?).',
  replySent: (reference) => `Sent to the customer of ${reference}.`,
  noteAdded: (reference) => `Internal note added to ${reference}.`,
  threadHelp: 'Reply under a request\'s card to answer its customer.',
};

const fr: CardTexts = {
  ticket: 'Nouveau ticket',
  callback: 'Rappel à faire',
  status: 'Statut',
  statuses: { open: 'Ouverte', 'in-progress': 'En cours', resolved: 'Résolue', closed: 'Clôturée' },
  owner: 'Responsable',
  nobody: 'Personne pour l’instant',
  priority: 'Priorité',
  priorities: { low: 'Basse', normal: 'Normale', high: 'Haute', urgent: 'Urgente' },
  level: (level) => `Niveau ${level}`,
  customer: 'Client',
  callAt: 'Appeler le',
  firstReply: 'Première réponse',
  dues: { due: 'avant le', overdue: 'EN RETARD depuis le', met: 'à temps', late: 'en retard' },
  tried: 'Déjà essayé avec l’assistant',
  files: 'Fichiers',
  nothingTried: 'Rien : a demandé une personne tout de suite.',
  lastFromCustomer: 'Dernier message du client',
  assignToMe: 'M’attribuer',
  changeStatus: 'Changer le statut',
  newStatus: 'Nouveau statut',
  note: 'Note (facultative)',
  tellCustomer: 'Envoyer aussi la note au client',
  save: 'Enregistrer',
  openInConsole: 'Ouvrir dans la console',
  replyHint: 'Répondez dans ce fil avec @Scriba pour répondre au client (commencez par « note : » pour une note interne).',
  notStaff: (who) => `${who} n’a pas de compte agent ou admin dans la console support : demandez à un admin d’en créer un.`,
  notThisTeam: 'Les demandes se traitent depuis l’équipe support seulement.',
  unknownRequest: 'Cette demande n’existe plus (effacée à la demande du client ?).',
  replySent: (reference) => `Envoyé au client de ${reference}.`,
  noteAdded: (reference) => `Note interne ajoutée à ${reference}.`,
  threadHelp: 'Répondez sous la carte d’une demande pour répondre à son client.',
};

export function cardTexts(lang: Lang): CardTexts {
  return lang === 'fr' ? fr : en;
}
