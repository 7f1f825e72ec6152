// How each dashboard figure is counted, in words, in English and French: shown beside the figures
// so nobody has to guess what "assumed" means. Keep in step with dashboard.ts.
import type { Formulas, FormulaTexts } from '../web/apiTypes.js';

export type { Formulas, FormulaTexts };

export const FORMULAS: Formulas = {
  en: {
    conversations: 'Conversations in which the user asked at least one question in the period (answered or not). Each is counted once, on the day of its first question, in exactly one of confirmed, assumed, escalated, abandoned.',
    questions: 'Questions asked: answers shown + questions not understood + "did you mean…" offers where no suggestion was picked.',
    answers: 'Answers shown (an article sent, whether matched or picked from "did you mean…").',
    confirmed: 'Conversations with no ticket or callback in which the user said an answer helped, or a troubleshooting flow ended "resolved".',
    assumed: 'Conversations neither escalated nor confirmed in which an answer was shown and the user asked nothing more and did not say it did not help: probably resolved.',
    escalated: 'Conversations in which a ticket or a callback was opened.',
    abandoned: 'The other conversations: no answer shown, or the user asked again or said the last answer did not help, then left without a ticket.',
    helpfulRate: 'Per article: helpful ÷ (helpful + not helpful), counting "did this answer your question?" replies and flow endings; empty when nobody replied.',
    escalationsByLevel: 'Every ticket (levels 1, 3, 4) and callback (level 2) created in the period, including those opened without a question.',
  },
  fr: {
    conversations: "Conversations où l'utilisateur a posé au moins une question sur la période (avec ou sans réponse). Chacune compte une fois, le jour de sa première question, dans une seule des catégories confirmées, supposées, escaladées, abandonnées.",
    questions: 'Questions posées : réponses affichées + questions non comprises + propositions « vouliez-vous dire… » sans choix.',
    answers: "Réponses affichées (un article envoyé, trouvé directement ou choisi dans « vouliez-vous dire… »).",
    confirmed: "Conversations sans ticket ni rappel où l'utilisateur a dit qu'une réponse l'a aidé, ou où un parcours de dépannage s'est terminé « résolu ».",
    assumed: "Conversations ni escaladées ni confirmées où une réponse a été affichée et où l'utilisateur n'a plus rien demandé ni dit qu'elle ne l'aidait pas : sans doute résolues.",
    escalated: 'Conversations où un ticket ou une demande de rappel a été ouvert.',
    abandoned: "Les autres conversations : aucune réponse affichée, ou l'utilisateur a reposé une question ou dit que la dernière réponse ne l'aidait pas, puis est parti sans ticket.",
    helpfulRate: "Par article : utiles ÷ (utiles + pas utiles), d'après les réponses à « cette réponse a-t-elle répondu à votre question ? » et les fins de parcours ; vide si personne n'a répondu.",
    escalationsByLevel: 'Tous les tickets (niveaux 1, 3, 4) et rappels (niveau 2) créés sur la période, y compris ceux ouverts sans question.',
  },
};
