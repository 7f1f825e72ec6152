import { cityOf, listed, type Strings } from './strings.js';
import type { RequestStatus, SupportLevel } from '../tickets/types.js';

const STATUS: Record<RequestStatus, string> = { open: 'open', 'in-progress': 'in progress', resolved: 'resolved', closed: 'closed' };
const QUEUES: Record<SupportLevel, string> = { 1: 'the support desk', 2: 'a technician', 3: 'our product experts', 4: 'our partner for your infrastructure' };
const FIELDS = { reason: 'the reason', name: 'your name', email: 'your email address', phone: 'your phone number', time: 'the time of the call' } as const;
const FIELD_BUTTONS = { reason: 'The reason', name: 'The name', email: 'The email', phone: 'The phone', time: 'The time' } as const;

export const en: Strings = {
  welcome: "Hello! I'm the Scriba assistant. Ask me a question about Scriba in your own words, in English or French.",
  topicsIntro: 'People often ask about:',
  help: 'Ask me a question in your own words ("how do I reset my password?"). You can also say "talk to a human", "call me back", "where is my ticket L1-…", "cancel" to stop what we are doing, "start over", or "en français" to switch language.',
  restarted: "Let's start again from scratch. What can I do for you?",
  covers: (why) =>
    (why === 'abuse' ? "Let's keep it friendly, I'm here to help. " : '') +
    'I answer questions about Scriba: installing it, signing in, scanning, search, the database, your subscription… and I can put you in touch with support. For example:',

  readFullArticle: (url) => `[Read the full article →](${url})`,
  didItHelp: 'Did this answer your question?',
  yes: 'Yes',
  no: 'No',
  thanksHelpful: 'Great, glad I could help! Anything else?',
  whatWasMissing: 'Sorry about that. What was missing? (You can skip this.)',
  skip: 'Skip',
  noted: 'Thanks, noted. It helps us improve our answers.',
  afterNotHelpful: 'What would you like to do?',
  rephrase: 'Rephrase my question',
  contactSupport: (level) => (level === 2 ? 'Request a callback' : 'Contact support'),
  pleaseRephrase: 'Go ahead, ask your question differently.',
  yesOrNo: 'Just tell me yes or no: did this answer help you?',

  clarify: "I'm not sure I understood. Did you mean…",
  noneOfThese: 'None of these',
  notUnderstood: "Sorry, I didn't understand. Could you rephrase your question, with other words?",
  notUnderstoodAgain: "I still don't understand, sorry. Would you like to contact support?",
  notUnderstoodOther: (reason) => (reason === 'too-long' ? 'Your message is too long for me: could you ask your question in a sentence or two?' : 'Could you ask your question in words?'),

  flowStart: (title) => `Let's solve this step by step: ${title}.`,
  flowStep: (n, total, text) => `**Step ${n}/${total}.** ${text}`,
  flowResolved: 'Glad it works again! Anything else?',
  flowEscalate: "Let's get you help from our team, with the steps you already tried.",
  pickAChoice: "I didn't get your answer to this step. Pick one of the options, or tell me what you see.",

  hello: 'Hello! What can I do for you?',
  youAreWelcome: "You're welcome! Anything else?",
  goodbye: 'Goodbye, and have a nice day!',
  whatElse: 'OK. What can I do for you?',
  anythingElse: '🙂 Is there anything else I can help you with?',
  nothingToCancel: 'There is nothing to cancel. What can I do for you?',
  switchedLanguage: "OK, let's continue in English.",

  humanChoice: 'Sure. How would you like our team to reach you?',
  humanTicket: 'By email (ticket)',
  humanCallback: 'By phone (callback)',

  ticketIntro: (queue, reason) => `I'll open a ticket for ${queue}${reason ? ` about "${reason}"` : ''}.`,
  callbackIntro: (reason) => `A technician will call you back${reason ? ` about "${reason}"` : ''}.`,
  askReason: 'In a sentence, what do you need help with?',
  invalidReason: 'Please describe what you need in a sentence, for example "I can no longer scan since the update".',
  askName: 'What is your name?',
  invalidName: 'That does not look like a name. Please give your name in letters, for example "Mary Martin".',
  askEmail: 'What email address should we answer to?',
  invalidEmail: 'That email address does not look right. Please type it like name@company.com.',
  askPhone: 'What number should we call? For example +44 20 7946 0958 or, in France, 06 12 34 56 78.',
  invalidPhone: 'That number does not look valid. Please include the country code if it is not French, for example +44 20 7946 0958.',
  premiumPhone: 'We cannot call a premium-rate or shared-cost number. Please give another number, for example +44 20 7946 0958.',
  askSlot: (zone) => `When should we call you? Pick a time or type a day and time, for example "tomorrow 2pm" (${zone}).`,
  outsideHours: (hours, zone) => `We call ${hours} (${zone}). The nearest times:`,
  invalidSlot: 'Pick a time or type a day and time, for example "Thursday 10am" or "as soon as possible".',
  moreTimes: 'Other times',
  askConsent: (phone) => `Do you agree that a Scriba technician calls you on ${phone} about this request?`,
  consentYes: 'Yes, call me',
  consentNo: 'No',
  invalidConsent: 'Say yes to be called, or no if you would rather get an answer by email.',
  consentRefused: "OK, we won't call you. Your request is kept: would you like an answer by email instead?",
  invalidKind: 'Say "by email" for a ticket, or "by phone" to be called back.',
  fieldNoted: (field) => `Noted: ${FIELDS[field]}.`,
  alreadyPreparing: "I'm preparing your request for our team right now.",
  switchedTo: (kind) => (kind === 'callback' ? "OK, we'll call you back instead." : "OK, we'll answer by email instead."),
  ticketSummary: (s) => `Please check:\n\n- **Reason:** ${s.reason}\n- **Name:** ${s.name}\n- **Email:** ${s.email}\n- **Sent to:** ${s.queue}\n\nShall I send it? You can also tell me what to correct.`,
  callbackSummary: (s) => `Please check:\n\n- **Reason:** ${s.reason}\n- **Name:** ${s.name}\n- **Phone:** ${s.phone}\n- **When:** ${s.slot}\n\nShall I send it? You can also tell me what to correct.`,
  send: 'Send',
  change: 'Correct something',
  cancelRequest: 'Cancel the request',
  invalidSummary: 'Say "send" to send it, or tell me what to correct ("the name is wrong", "change the email").',
  whatToChange: 'What should I correct?',
  fieldLabel: (field) => FIELD_BUTTONS[field],
  resumeRequest: (kind) => `Shall we continue your ${kind === 'callback' ? 'callback request' : kind === 'ticket' ? 'ticket' : 'request'} where we left it?`,
  continueRequest: 'Continue my request',
  ticketSaved: (reference) => `Your ticket is recorded. Your reference number is **${reference}**: quote it if you contact us. We will answer by email.`,
  callbackSaved: (reference, slot) => `Your callback request is recorded for ${slot}. Your reference number is **${reference}**.`,
  requestCancelled: 'OK, I stopped: nothing was sent. What can I do for you?',
  stopped: 'OK, I stopped that. What can I do for you?',
  saveFailed: 'Sorry, I could not record your request just now, so I have no reference number to give you. Your request is kept: say "send" again in a moment.',
  reasonWithMissing: (reason, missing) => `${reason} (missing from the answer: ${missing})`,

  askReference: 'What is your reference number? It looks like L1-20261123-0042.',
  invalidReference: 'I could not find a reference number. It looks like L1-20261123-0042 (ticket) or L2-20261123-0007 (callback).',
  askStatusContact: (reference) => `To protect request ${reference}, what email address or phone number did you give with it?`,
  statusIs: (reference, status, when) => `Request **${reference}** is **${STATUS[status]}** (last update ${when}).`,
  callbackStatusIs: (reference, status, slot) => `Your callback request **${reference}** is **${STATUS[status]}**: we will call you ${slot}.`,
  statusNotFound: (reference) => `I can't find a request ${reference} with these contact details. Please check the number and the email or phone.`,
  statusLocked: (reference, minutes) => `Too many tries with wrong contact details for request ${reference}: for safety, try again in ${minutes} minutes, or ask to talk to a person.`,
  latestReply: (when, text) => `Latest message from our support team (${when}):\n\n> ${text.replace(/\n/g, '\n> ')}`,
  askAddition: (reference) => `What would you like to add to request ${reference}?`,
  addedToRequest: (reference) => `Added to request **${reference}**: the support team will see it. To ask me something else, say "start over".`,
  fromHelpPage: (title) => `You were reading "${title}" in the help centre: I'll pass your request to the support team, with that article.`,
  filesKept: (names) => `Got it: ${listed(names, 'en')}. ${names.length > 1 ? 'They go' : 'It goes'} with your request if you open one.`,
  filesKeptAskProblem: (names) => `Got it: ${listed(names, 'en')}. Tell me in a few words what is wrong: I'll look for an answer, and ${names.length > 1 ? 'these files go' : 'the file goes'} with your request if you open one.`,
  filesAddedToRequest: (reference, names) => `Added to request **${reference}**: ${listed(names, 'en')}. The support team will see it.`,
  fileRefused: (name, reason) => {
    switch (reason) {
      case 'type': return `I couldn't accept "${name}": I accept images (PNG, JPEG…), PDFs, text and log files (.txt, .log) and .zip archives.`;
      case 'size': return `"${name}" is over 10 MB: send a smaller screenshot, or zip the file.`;
      case 'empty': return `"${name}" is empty: nothing was received.`;
      case 'count': return `"${name}" was not taken: at most 5 files per message and 20 per conversation.`;
    }
  },
  filesGoWithRequest: (names) => `Attached: ${listed(names, 'en')}.`,

  notice: {
    subject: (reference, about) => `[${reference}] ${about === 'created' ? 'We have your request' : about === 'reply' ? 'Reply to your request' : 'Your request was updated'}`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    created: (reference, kind) => (kind === 'callback'
      ? `Your callback request is booked under the reference ${reference}.`
      : `Your request is recorded under the reference ${reference}. The support desk will answer you by email.`),
    callbackAt: (slot) => `We will call you ${slot}.`,
    statusChanged: (reference, status) => `Your request ${reference} is now ${STATUS[status]}.`,
    replied: (reference) => `The support team answered your request ${reference}:`,
    fromSupport: (text) => `> ${text.replace(/\n/g, '\n> ')}`,
    answerInChat: (reference) => `To answer, just write here: I will add it to request ${reference}.`,
    mailFooter: (reference, replies) => `Quote ${reference} when you contact us. To add something, ${replies ? 'reply to this email or ' : ''}tell our assistant "add to my ticket ${reference}: …".\n\nThe Scriba support team`,
  },

  card: {
    ticketTitle: 'Ticket recorded',
    callbackTitle: 'Callback booked',
    reference: 'Reference number',
    created: 'Recorded on',
    sentTo: 'Sent to',
    reason: 'Reason',
    email: 'Answer to',
    phone: 'We will call',
    when: 'When',
    quoteIt: 'Quote this number when you contact us, or ask me "where is my request".',
  },

  queueName: (level) => QUEUES[level as SupportLevel] ?? QUEUES[1],
  zoneName: (timeZone) => `${cityOf(timeZone)} time`,
  turnError: 'Sorry, something went wrong on my side. You can ask your question again, or say "talk to a human".',
};
