// What the load bench's customers type: 70 % a known question (a knowledge base question, a typo in
// some words, sometimes "thanks, that helped" after it), 20 % something the bot cannot know, 10 %
// a ticket or a callback typed to the end, in French or English. Seeded: two runs send the same.
import type { KnowledgeBase } from '../../knowledge/types.js';
import { mulberry32 } from '../../knowledge/matching/softmaxClassifier.js';
import { corrupter } from '../typos.js';

export type Kind = 'known' | 'unknown' | 'ticket' | 'callback';

export interface CustomerPlan {
  kind: Kind;
  locale: 'fr-FR' | 'en-US';
  turns: string[];
}

const UNKNOWN = {
  fr: ['quel temps fait il a lyon demain', 'recette de la tarte tatin', 'vous vendez des imprimantes 3d ?', 'mon chat ne mange plus', 'qui a gagne le match hier soir', 'horaires de la piscine municipale'],
  en: ['what is the weather in leeds tomorrow', 'best recipe for apple pie', 'do you sell 3d printers?', 'my cat stopped eating', 'who won the game last night', 'opening hours of the city pool'],
};

const REQUESTS = {
  ticket: {
    fr: (n: number) => ['je veux parler a qqn', 'par mail', `l'export vers le cabinet comptable plante depuis hier (${n})`, 'Claire Dubois', `claire.dubois${n}@exemple.fr`, 'ok envoie'],
    en: (n: number) => ['i want to talk to someone', 'by email', `the export to our accountant crashes since yesterday (${n})`, 'Claire Dubois', `claire.dubois${n}@example.com`, 'yes send it'],
  },
  callback: {
    fr: (n: number) => ['rappelez moi svp', `souci avec l'export datev, le cabinet recoit rien (${n})`, 'Julien Moreau', `06 23 45 ${String(10 + (n % 90)).padStart(2, '0')} 89`, 'le plus tot possible', 'oui', 'parfait envoyez'],
    en: (n: number) => ['please call me back', `problem with the datev export, the accountant gets nothing (${n})`, 'Julien Moreau', `+44 7911 123${String(n % 1000).padStart(3, '0')}`, 'as soon as possible', 'yes', 'great send it'],
  },
};

/** Only customers who type a ticket or a callback to the end (the fault bench's). */
export function requestPlans(seed = 7): (n: number) => CustomerPlan {
  const random = mulberry32(seed);
  return (n) => {
    const lang = random() < 0.5 ? 'fr' : 'en';
    const kind = random() < 0.5 ? 'ticket' : 'callback';
    return { kind, locale: lang === 'fr' ? 'fr-FR' : 'en-US', turns: REQUESTS[kind][lang](n) };
  };
}

export function customerPlans(kb: KnowledgeBase, seed = 7): (n: number) => CustomerPlan {
  const random = mulberry32(seed);
  const typo = corrupter(0.2, seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const questions = { fr: kb.articles.flatMap((a) => a.questions.fr), en: kb.articles.flatMap((a) => a.questions.en) };
  return (n) => {
    const lang = random() < 0.5 ? 'fr' : 'en';
    const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
    const roll = random();
    if (roll < 0.7) {
      const turns = [typo(pick(questions[lang]))];
      if (random() < 0.4) turns.push(lang === 'fr' ? 'oui merci' : 'yes thanks');
      return { kind: 'known', locale, turns };
    }
    if (roll < 0.9) return { kind: 'unknown', locale, turns: [pick(UNKNOWN[lang])] };
    const kind = random() < 0.5 ? 'ticket' : 'callback';
    return { kind, locale, turns: REQUESTS[kind][lang](n) };
  };
}
