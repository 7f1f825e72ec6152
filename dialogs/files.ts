// Files the customer sent (a screenshot, a log): refused ones are explained; kept ones go to the
// request the customer is answering (the support team wrote lately), else wait in the conversation
// for the request they may open (requestDialog takes them). Files alone, or with words that only
// present them ("voilà la capture"), end the turn: the question under way is asked again, or the
// customer is asked what the problem is.
import type { TurnContext } from 'botbuilder';
import { strings } from '../strings/index.js';
import type { ReceivedFiles } from '../tickets/fileIntake.js';
import type { HelpdeskDeps } from './deps.js';
import { answeringRequest, langOf, type Session } from './session.js';

/**
 * Words that only present the files ("voilà la capture", "here's the log", "ci-joint l'erreur"):
 * a message made of them alone asks nothing, so it is not taken for a question.
 */
const PRESENTING = new Set([
  'voila', 'voici', 'ci', 'joint', 'jointe', 'joints', 'jointes', 'piece', 'pieces', 'pj', 'en', 'de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'un', 'une',
  'mon', 'ma', 'mes', 'ce', 'cette', 'ces', 'ecran', 'copie', 'impression', 'capture', 'captures', 'screen', 'screenshot', 'screenshots', 'photo', 'photos',
  'image', 'images', 'fichier', 'fichiers', 'log', 'logs', 'journal', 'journaux', 'erreur', 'erreurs', 'message', 'tiens', 'et', 'aussi', 'merci',
  'here', 'heres', 'is', 's', 'are', 'the', 'a', 'an', 'my', 'this', 'these', 'attached', 'attachment', 'see', 'file', 'files', 'of', 'error', 'errors', 'and', 'also', 'thanks',
]);

/** "voila la capture de l'erreur": only presents the files; "l'export bloque, voila la capture": a question. */
export function onlyPresentsFiles(text: string): boolean {
  const words = text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((w) => PRESENTING.has(w));
}

export type FilesOutcome =
  /** nothing to do with files */
  | 'none'
  /** the files (and the words with them) went to a request: the turn is done */
  | 'added'
  /** said what was kept or refused, and nothing else was said: the question under way is asked again */
  | 'alone'
  /** said what was kept or refused; the words typed with them still need an answer */
  | 'with-words';

export async function receiveFiles(context: TurnContext, deps: HelpdeskDeps, session: Session, received: ReceivedFiles | undefined, { text, asking }: { text: string; asking: boolean }): Promise<FilesOutcome> {
  if (!received || (received.kept.length === 0 && received.refused.length === 0)) return 'none';
  const t = strings(langOf(session));
  const lines = received.refused.map((f) => t.fileRefused(f.name, f.reason));
  const names = received.kept.map((f) => f.name);
  const answering = received.kept.length > 0 ? answeringRequest(session, deps.now()) : undefined;
  if (answering) {
    await deps.store.changeRequest(answering, { type: 'customer-message', text: text.trim(), attachments: received.kept });
    await context.sendActivity({ type: 'message', text: [...lines, t.filesAddedToRequest(answering, names)].join('\n\n'), textFormat: 'markdown' });
    return 'added';
  }
  const alone = onlyPresentsFiles(text);
  if (received.kept.length > 0) {
    session.files = [...(session.files ?? []), ...received.kept];
    lines.push(alone && !asking ? t.filesKeptAskProblem(names) : t.filesKept(names));
  }
  await context.sendActivity({ type: 'message', text: lines.join('\n\n'), textFormat: 'markdown' });
  return alone ? 'alone' : 'with-words';
}
