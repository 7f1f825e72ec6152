// What a message asks of the conversation itself, before it is treated as a question:
// commands (cancel, help, human, status, language), small talk, and yes / no answers.
// Short messages only: "how do I cancel my subscription" is a question, not "cancel".
import type { Lang } from '../knowledge/types.js';
import { stripAccents } from '../knowledge/matching/normalise.js';

export type Command =
  | { kind: 'cancel' }
  | { kind: 'help' }
  | { kind: 'human' }
  | { kind: 'status' }
  | { kind: 'language'; lang: Lang }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'goodbye' };

/** lower-case, no accents, apostrophes and punctuation to spaces, single spaces */
export function simplify(text: string): string {
  return stripAccents(text.normalize('NFKC').toLowerCase())
    .replace(/[’'`´]/g, ' ')
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const POLITE = /\b(please|pls|svp|s il vous plait|s il te plait|merci|thanks?|thank you|bonjour|hello|hi)\b/g;

function whole(text: string, phrases: readonly string[]): boolean {
  const t = text.replace(POLITE, ' ').replace(/\s+/g, ' ').trim();
  return phrases.includes(t);
}

const CANCEL = ['cancel', 'stop', 'quit', 'exit', 'abort', 'never mind', 'nevermind', 'forget it', 'annuler', 'annule', 'arrete', 'arreter', 'stop', 'laisse tomber', 'abandonner', 'sortir'];
const HELP = ['help', 'menu', 'aide', 'aidez moi', 'help me', '?', 'what can you do', 'que sais tu faire', 'que pouvez vous faire'];
const HUMAN = /\b(talk|speak|chat)\b.*\b(human|person|someone|somebody|agent|advisor|adviser|support|operator|technician)\b|\b(real|live) (person|agent|human)\b|^(human|agent|operator)$|\bparler\b.*\b(conseiller|conseillere|humain|quelqu un|personne|technicien|agent|support|assistance)\b|^(un )?(conseiller|humain)$|\bcontact(er)? (le |l )?(support|assistance)\b/;
const STATUS = /\b(where is|status of|state of|update on|news about|any news)\b.*\b(ticket|request|callback|case)\b|\b(ticket|request|case) status\b|\b(statut|etat|suivi|ou en est|nouvelles)\b.*\b(demande|ticket|dossier|rappel)\b|\bl[12][\s-]?\d{8}[\s-]?\d{1,}\b/;
const ENGLISH = /^(in )?english( please)?$|^(can we|could we|let s) (speak|talk|continue) (in )?english|^(parlez|parle) anglais|^en anglais$|^english$/;
const FRENCH = /^(en )?francais( svp| s il vous plait)?$|^(in )?french( please)?$|^(parlez|parle|parlons|continuons) (en )?francais|^(can we|could we|let s) (speak|talk|continue) (in )?french/;
const GREETING = ['hello', 'hi', 'hey', 'good morning', 'good afternoon', 'good evening', 'bonjour', 'salut', 'bonsoir', 'coucou', 'hello there', 'bonjour a vous'];
const THANKS = ['thanks', 'thank you', 'thx', 'thanks a lot', 'many thanks', 'merci', 'merci beaucoup', 'merci bien', 'super merci', 'great thanks', 'parfait merci', 'top merci'];
const GOODBYE = ['bye', 'goodbye', 'good bye', 'see you', 'au revoir', 'bonne journee', 'a plus', 'salut', 'ciao', 'bye bye', 'bonne soiree', 'have a nice day'];

export function parseCommand(text: string): Command | undefined {
  const t = simplify(text);
  if (t === '' || t.split(' ').length > 9) return undefined;
  if (ENGLISH.test(t)) return { kind: 'language', lang: 'en' };
  if (FRENCH.test(t)) return { kind: 'language', lang: 'fr' };
  if (whole(t, CANCEL)) return { kind: 'cancel' };
  if (whole(t, HELP) || t === 'help' || t === 'aide') return { kind: 'help' };
  if (HUMAN.test(t)) return { kind: 'human' };
  if (STATUS.test(t)) return { kind: 'status' };
  // Small talk is the whole message ("merci !"), not a word inside a question.
  if (THANKS.includes(t)) return { kind: 'thanks' };
  if (GOODBYE.includes(t) && t !== 'salut') return { kind: 'goodbye' };
  if (GREETING.includes(t)) return { kind: 'greeting' };
  return undefined;
}

const YES = ['yes', 'y', 'yep', 'yeah', 'yup', 'sure', 'ok', 'okay', 'of course', 'it did', 'it helped', 'correct', 'right', 'absolutely', 'oui', 'ouais', 'ouai', 'oui merci', 'yes thanks', 'yes thank you', 'd accord', 'dac', 'bien sur', 'exactement', 'parfait', 'tout a fait', 'c est bon', 'ca marche', 'c est ca', 'volontiers', 'yes please', 'oui svp', 'oui s il vous plait'];
const NO = ['no', 'n', 'nope', 'nah', 'not really', 'no it did not', 'it did not', 'it didn t', 'didn t help', 'not at all', 'no thanks', 'non', 'nan', 'pas vraiment', 'pas du tout', 'non merci', 'toujours pas', 'ca n a pas aide', 'non pas vraiment', 'negatif'];

/** "oui", "nope", "pas vraiment"… → true / false; anything else → undefined */
export function parseYesNo(text: string): boolean | undefined {
  const t = simplify(text).replace(/\s*(merci|thanks|thank you)$/, '').trim();
  if (YES.includes(t) || YES.includes(simplify(text))) return true;
  if (NO.includes(t) || NO.includes(simplify(text))) return false;
  return undefined;
}
