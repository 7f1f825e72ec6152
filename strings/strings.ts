// Every sentence the bot says, under the same keys in French and English. A key missing in one
// language is a compile error, because both files are typed `Strings`.
import type { FileRefusal } from '../tickets/filePolicy.js';
import type { RequestStatus } from '../tickets/types.js';

export type { RequestStatus };
/** Fields of a ticket or callback, as the customer may name them. */
export type FieldName = 'reason' | 'name' | 'email' | 'phone' | 'time';
export type CoversWhy = 'offtopic' | 'abuse' | 'symbols';
/** what a notice to the customer is about */
export type NoticeAbout = 'created' | 'status' | 'reply';

export interface Strings {
  welcome: string;
  topicsIntro: string;
  help: string;
  restarted: string;
  /** one sentence on what the bot covers, for off-topic messages, insults and emoji */
  covers: (why: CoversWhy) => string;

  /** after the first part of a long answer */
  readFullArticle: (url: string) => string;
  didItHelp: string;
  yes: string;
  no: string;
  thanksHelpful: string;
  whatWasMissing: string;
  skip: string;
  noted: string;
  afterNotHelpful: string;
  rephrase: string;
  contactSupport: (level: number) => string;
  pleaseRephrase: string;
  yesOrNo: string;

  clarify: string;
  noneOfThese: string;
  notUnderstood: string;
  notUnderstoodAgain: string;
  notUnderstoodOther: (reason: string) => string;

  flowStart: (title: string) => string;
  flowStep: (n: number, total: number, text: string) => string;
  flowResolved: string;
  flowEscalate: string;
  pickAChoice: string;

  hello: string;
  youAreWelcome: string;
  goodbye: string;
  whatElse: string;
  /** after small talk ("cool", "mdr", "ok super"): a friendly word, and the door left open */
  anythingElse: string;
  nothingToCancel: string;
  switchedLanguage: string;

  humanChoice: string;
  humanTicket: string;
  humanCallback: string;

  ticketIntro: (queue: string, reason?: string) => string;
  callbackIntro: (reason?: string) => string;
  askReason: string;
  invalidReason: string;
  askName: string;
  invalidName: string;
  askEmail: string;
  invalidEmail: string;
  askPhone: string;
  invalidPhone: string;
  premiumPhone: string;
  askSlot: (zone: string) => string;
  outsideHours: (hours: string, zone: string) => string;
  invalidSlot: string;
  moreTimes: string;
  askConsent: (phone: string) => string;
  consentYes: string;
  consentNo: string;
  invalidConsent: string;
  consentRefused: string;
  invalidKind: string;
  fieldNoted: (field: FieldName) => string;
  alreadyPreparing: string;
  switchedTo: (kind: 'ticket' | 'callback') => string;
  ticketSummary: (s: { reason: string; name: string; email: string; queue: string }) => string;
  callbackSummary: (s: { reason: string; name: string; phone: string; slot: string }) => string;
  send: string;
  change: string;
  cancelRequest: string;
  invalidSummary: string;
  whatToChange: string;
  fieldLabel: (field: FieldName) => string;
  resumeRequest: (kind: 'ticket' | 'callback' | undefined) => string;
  continueRequest: string;
  ticketSaved: (reference: string) => string;
  callbackSaved: (reference: string, slot: string) => string;
  requestCancelled: string;
  stopped: string;
  saveFailed: string;
  /** what the customer said was missing, appended to the reason of a ticket */
  reasonWithMissing: (reason: string, missing: string) => string;

  askReference: string;
  invalidReference: string;
  askStatusContact: (reference: string) => string;
  statusIs: (reference: string, status: RequestStatus, when: string) => string;
  callbackStatusIs: (reference: string, status: RequestStatus, slot: string) => string;
  statusNotFound: (reference: string) => string;
  statusLocked: (reference: string, minutes: number) => string;
  /** the support team's last word to the customer, under the status */
  latestReply: (when: string, text: string) => string;
  askAddition: (reference: string) => string;
  addedToRequest: (reference: string) => string;

  /** the chat opened from a help-centre article's "Talk to a human" */
  fromHelpPage: (title: string) => string;
  /** files the customer sent: kept with the conversation until a request takes them */
  filesKept: (names: string[]) => string;
  /** the same, with nothing typed and nothing asked: what is the problem? */
  filesKeptAskProblem: (names: string[]) => string;
  filesAddedToRequest: (reference: string, names: string[]) => string;
  /** one line per refused file: why, and what is accepted */
  fileRefused: (name: string, reason: FileRefusal) => string;
  /** the files a request was made with, after its confirmation */
  filesGoWithRequest: (names: string[]) => string;

  /** what the customer is told after the request was made, by mail and in their conversation */
  notice: {
    subject: (reference: string, about: NoticeAbout) => string;
    greeting: (name: string | undefined) => string;
    created: (reference: string, kind: 'ticket' | 'callback') => string;
    callbackAt: (slot: string) => string;
    statusChanged: (reference: string, status: RequestStatus) => string;
    replied: (reference: string) => string;
    /** a staff message, quoted */
    fromSupport: (text: string) => string;
    answerInChat: (reference: string) => string;
    /** `replies`: an answer to the mail reaches the support team (MAIL_REPLY_TO is set) */
    mailFooter: (reference: string, replies: boolean) => string;
  };

  card: {
    ticketTitle: string;
    callbackTitle: string;
    reference: string;
    created: string;
    sentTo: string;
    reason: string;
    email: string;
    phone: string;
    when: string;
    quoteIt: string;
  };

  queueName: (level: number) => string;
  /** "heure de Paris", "Paris time": a time zone as people say it */
  zoneName: (timeZone: string) => string;
  turnError: string;
}

/** The city of an IANA zone ("Europe/Paris" → "Paris", "America/New_York" → "New York"). */
export function cityOf(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
}

/** « a.png », « b.log » et « c.pdf » / "a.png", "b.log" and "c.pdf": file names quoted the language's way. */
export function listed(names: readonly string[], lang: 'fr' | 'en'): string {
  const quoted = names.map((n) => (lang === 'fr' ? `« ${n} »` : `"${n}"`));
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(quoted);
}
