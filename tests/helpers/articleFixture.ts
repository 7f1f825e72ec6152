// A small valid knowledge article as a file's text, for tests that write a knowledge folder. With no
// `related`, the French answer is on line 20 and the English one on line 22; each `related` entry
// goes on a line of its own from line 6, shifting the rest.
export function articleFixture(id: string, { related = [], fr = `Réponse pour ${id}.`, en = `Answer for ${id}.` }: { related?: string[]; fr?: string; en?: string } = {}): string {
  return [
    '---', //                                         1
    `id: ${id}`, //                                   2
    'level: 0', //                                    3
    'tags: [test]', //                                4
    related.length === 0 ? 'related: []' : 'related:', // 5
    ...related.map((other) => `  - ${other}`), //       6…
    'title:',
    `  fr: Article ${id}`,
    `  en: Article ${id}`,
    'questions:',
    '  fr:',
    `    - Comment faire ${id} ?`,
    `    - ${id} ne marche pas`,
    `    - aide pour ${id}`,
    '  en:',
    `    - How do I ${id}?`,
    `    - ${id} does not work`,
    `    - help with ${id}`,
    '---',
    '<!-- fr -->',
    fr,
    '<!-- en -->',
    en,
    '',
  ].join('\n');
}
