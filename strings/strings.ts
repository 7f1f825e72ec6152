// Every sentence the bot says, under the same keys in French and English. A key missing in one
// language is a compile error, because both files are typed `Strings`.

export type RequestStatus = 'open' | 'in-progress' | 'resolved' | 'closed';

export interface Strings {
  welcome: string;
  welcomeBack: string;
  topicsIntro: string;
  help: string;

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
  relatedPrefix: string;
  pleaseRephrase: string;

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
  cancelled: string;
  nothingToCancel: string;
  switchedLanguage: string;

  humanChoice: string;
  humanTicket: string;
  humanCallback: string;

  ticketIntro: (queue: string) => string;
  confirmReason: (reason: string) => string;
  keepReason: string;
  changeReason: string;
  askReason: string;
  askName: string;
  invalidName: string;
  askEmail: string;
  invalidEmail: string;
  ticketSummary: (s: { reason: string; name: string; email: string; queue: string }) => string;
  confirm: string;
  correct: string;
  ticketSaved: (reference: string) => string;
  requestNotSent: string;

  callbackIntro: string;
  askPhone: string;
  invalidPhone: string;
  premiumPhone: string;
  askSlot: (timeZone: string) => string;
  noSlot: string;
  askConsent: (phone: string) => string;
  consentYes: string;
  consentNo: string;
  consentRefused: string;
  callbackSummary: (s: { reason: string; name: string; phone: string; slot: string }) => string;
  callbackSaved: (reference: string, slot: string) => string;

  askReference: string;
  invalidReference: string;
  askStatusContact: string;
  statusIs: (reference: string, status: RequestStatus, when: string) => string;
  statusNotFound: (reference: string) => string;

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
  saveFailed: string;
  turnError: string;
}
