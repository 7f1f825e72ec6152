// What the help centre's pages say, in French and English under the same keys: the type makes a
// missing translation a compile error, as strings/ does for the chat.
import type { Lang, SupportLevel } from '../../knowledge/types.js';

export interface HelpTexts {
  siteName: string;
  helpCentre: string;
  indexTitle: string;
  indexLead: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  searchTitle: (q: string) => string;
  resultsFor: (q: string, count: number) => string;
  didYouMean: string;
  nothingFound: (q: string) => string;
  nothingFoundHelp: string;
  emptySearch: string;
  notFoundTitle: string;
  notFoundText: string;
  tooManyTitle: string;
  tooManyText: (seconds: number) => string;
  related: string;
  category: string;
  askAssistant: string;
  contactTitle: string;
  contactText: (level: SupportLevel) => string;
  talkToHuman: string;
  callback: string;
  helpfulQuestion: string;
  yes: string;
  no: string;
  missingLabel: string;
  send: string;
  thanks: string;
  thanksMissing: string;
  otherLanguage: string;
  backToIndex: string;
  footer: string;
}

const fr: HelpTexts = {
  siteName: 'Scriba',
  helpCentre: "Centre d'aide",
  indexTitle: "Centre d'aide Scriba : tous les articles",
  indexLead: 'Cherchez avec vos mots, ou parcourez les articles par sujet.',
  searchLabel: "Rechercher dans le centre d'aide",
  searchPlaceholder: 'Par exemple : mot de passe oublié',
  searchButton: 'Rechercher',
  searchTitle: (q) => `Recherche : ${q}`,
  resultsFor: (q, count) => `${count} article${count > 1 ? 's' : ''} pour « ${q} »`,
  didYouMean: 'Vouliez-vous dire :',
  nothingFound: (q) => `Aucun article ne répond à « ${q} ».`,
  tooManyTitle: 'Un instant, s’il vous plaît',
  tooManyText: (seconds) => `Beaucoup de recherches viennent de votre connexion : réessayez dans ${seconds} s. L’assistant et les articles restent accessibles.`,
  nothingFoundHelp: "Notre équipe a noté votre question. L'assistant peut vous aider, ou vous pouvez nous contacter.",
  emptySearch: 'Tapez quelques mots pour chercher un article.',
  notFoundTitle: 'Article introuvable',
  notFoundText: "Cet article n'existe pas ou a été déplacé. Cherchez-le avec vos mots :",
  related: 'Articles liés',
  category: 'Sujet',
  askAssistant: "Poser la question à l'assistant",
  contactTitle: 'Besoin de plus d’aide ?',
  contactText: (level) =>
    level === 2
      ? "Un technicien peut vous rappeler : demandez un rappel à l'assistant, ou parlez à un conseiller."
      : "L'assistant répond tout de suite ; il transmet votre demande à un conseiller si besoin.",
  talkToHuman: 'Parler à un conseiller',
  callback: 'Être rappelé',
  helpfulQuestion: 'Cet article vous a-t-il aidé ?',
  yes: 'Oui',
  no: 'Non',
  missingLabel: 'Que manquait-il ? (facultatif)',
  send: 'Envoyer',
  thanks: 'Merci pour votre retour !',
  thanksMissing: 'Merci, nous allons améliorer cet article.',
  otherLanguage: 'English',
  backToIndex: 'Tous les articles',
  footer: '© Scriba SAS',
};

const en: HelpTexts = {
  siteName: 'Scriba',
  helpCentre: 'Help centre',
  indexTitle: 'Scriba help centre: all articles',
  indexLead: 'Search in your own words, or browse the articles by topic.',
  searchLabel: 'Search the help centre',
  searchPlaceholder: 'For example: forgot password',
  searchButton: 'Search',
  searchTitle: (q) => `Search: ${q}`,
  resultsFor: (q, count) => `${count} article${count > 1 ? 's' : ''} for “${q}”`,
  didYouMean: 'Did you mean:',
  nothingFound: (q) => `No article answers “${q}”.`,
  tooManyTitle: 'One moment, please',
  tooManyText: (seconds) => `Many searches are coming from your connection: try again in ${seconds} s. The assistant and the articles are still there.`,
  nothingFoundHelp: 'Our team has noted your question. The assistant can help, or you can contact us.',
  emptySearch: 'Type a few words to search for an article.',
  notFoundTitle: 'Article not found',
  notFoundText: 'This article does not exist or has moved. Search for it in your own words:',
  related: 'Related articles',
  category: 'Topic',
  askAssistant: 'Ask the assistant',
  contactTitle: 'Need more help?',
  contactText: (level) =>
    level === 2
      ? 'A technician can call you back: ask the assistant for a callback, or talk to an agent.'
      : 'The assistant answers straight away and passes your request to an agent when needed.',
  talkToHuman: 'Talk to a human',
  callback: 'Request a callback',
  helpfulQuestion: 'Was this article helpful?',
  yes: 'Yes',
  no: 'No',
  missingLabel: 'What was missing? (optional)',
  send: 'Send',
  thanks: 'Thanks for your feedback!',
  thanksMissing: 'Thank you, we will improve this article.',
  otherLanguage: 'Français',
  backToIndex: 'All articles',
  footer: '© Scriba SAS',
};

export const HELP_TEXTS: Record<Lang, HelpTexts> = { fr, en };
