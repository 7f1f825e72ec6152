import { expect } from 'chai';
import { parseArticleFile } from '../../knowledge/articleFile.js';
import { formatProblem } from '../../knowledge/problems.js';
import type { Article } from '../../knowledge/types.js';

const FILE = 'knowledge/articles/scan-documents.md';

// Line numbers matter in these tests: the comment on each line is its number in the file.
const VALID = [
  '---', //                                                   1
  'id: scan-documents', //                                    2
  'level: 1', //                                              3
  'tags: [scan, twain]', //                                   4
  'related: [ocr-text-recognition]', //                       5
  'title:', //                                                6
  '  fr: Numériser des documents', //                         7
  '  en: Scan documents', //                                  8
  'questions:', //                                            9
  '  fr:', //                                                 10
  '    - Comment scanner un document ?', //                   11
  "    - Mon scaner n'est pas détecté", //                    12
  '    - numériser plusieurs pages', //                       13
  '  en:', //                                                 14
  '    - How do I scan a document?', //                       15
  '    - My scaner is not detected', //                       16
  '    - scan several pages', //                              17
  '---', //                                                   18
  '<!-- fr -->', //                                           19
  'Menu **Fichier › Numériser**.', //                         20
  '<!-- en -->', //                                           21
  'Menu **File › Scan**.', //                                 22
  '',
];

const FLOW = [
  'flow:', //                                                 18
  '  start: check-cable', //                                  19
  '  steps:', //                                              20
  '    - id: check-cable', //                                 21
  '      text: { fr: Le câble est-il branché ?, en: Is the cable plugged in? }', // 22
  '      choices:', //                                        23
  '        - label: { fr: Oui, en: "Yes" }', //                24
  '          next: check-driver', //                          25
  '        - label: { fr: Non, en: "No" }', //                 26
  '          next: resolved', //                              27
  '    - id: check-driver', //                                28
  '      text: { fr: Le pilote TWAIN est-il installé ?, en: Is the TWAIN driver installed? }', // 29
  '      choices:', //                                        30
  '        - label: { fr: Toujours rien, en: Still nothing }', // 31
  '          next: escalate', //                              32
];

/** VALID with lines (1-based, inclusive) replaced by others. */
function edit(from: number, to: number, ...replacement: string[]): string {
  const lines = [...VALID];
  lines.splice(from - 1, to - from + 1, ...replacement);
  return lines.join('\n');
}
const withLine = (line: number, text: string) => edit(line, line, text);
const without = (from: number, to = from) => edit(from, to);
const insertedBefore = (line: number, ...text: string[]) => edit(line, line - 1, ...text);
/** VALID with the flow inserted before the closing '---', FLOW line n replaced. */
function withFlow(changes: Record<number, string | null> = {}): string {
  const flow = FLOW.flatMap((text, i) => {
    const change = changes[i + 18];
    return change === undefined ? [text] : change === null ? [] : [change];
  });
  return insertedBefore(18, ...flow);
}

function problemsOf(text: string, file = FILE): string[] {
  return parseArticleFile(file, text).problems.map(formatProblem);
}

describe('parseArticleFile', () => {
  describe('a valid article', () => {
    it('becomes an Article with both answers, defaults filled and the file path kept', () => {
      const { article, problems } = parseArticleFile(FILE, VALID.join('\n'));
      expect(problems).to.deep.equal([]);
      expect(article).to.deep.equal({
        id: 'scan-documents',
        level: 1,
        tags: ['scan', 'twain'],
        related: ['ocr-text-recognition'],
        title: { fr: 'Numériser des documents', en: 'Scan documents' },
        questions: {
          fr: ['Comment scanner un document ?', "Mon scaner n'est pas détecté", 'numériser plusieurs pages'],
          en: ['How do I scan a document?', 'My scaner is not detected', 'scan several pages'],
        },
        answer: { fr: 'Menu **Fichier › Numériser**.', en: 'Menu **File › Scan**.' },
        file: FILE,
      } satisfies Article);
    });

    it('gets an empty related list when the field is left out', () => {
      expect(parseArticleFile(FILE, without(5)).article?.related).to.deep.equal([]);
    });

    it('reads Windows line ends without shifting line numbers', () => {
      const text = withLine(7, '  fr:').replace(/\n/g, '\r\n');
      expect(problemsOf(text)).to.deep.equal([`${FILE}:7: 'title.fr' has no value`]);
    });

    it('turns flow links into step targets and endings', () => {
      const { article, problems } = parseArticleFile(FILE, withFlow());
      expect(problems).to.deep.equal([]);
      expect(article?.flow?.start).to.equal('check-cable');
      expect(article?.flow?.steps.map((s) => s.choices.map((c) => c.next))).to.deep.equal([
        [{ kind: 'step', stepId: 'check-driver' }, { kind: 'resolved' }],
        [{ kind: 'escalate' }],
      ]);
      expect(article?.flow?.steps[0]?.text.en).to.equal('Is the cable plugged in?');
    });
  });

  describe('a broken article is reported at the line to fix', () => {
    const cases: { broken: string; text: string; expected: string[] }[] = [
      {
        broken: 'the front matter is missing',
        text: VALID.slice(1).join('\n'),
        expected: [`1: front matter is missing: the file must start with a '---' line`],
      },
      {
        broken: 'the front matter is never closed',
        text: VALID.slice(0, 17).join('\n'),
        expected: [`1: front matter is not terminated: no closing '---' line after line 1`],
      },
      {
        broken: 'a list is never closed',
        text: withLine(4, 'tags: [scan, twain'),
        expected: [`4: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] (noticed at line 5)`],
      },
      {
        broken: 'a quote is never closed',
        text: withLine(7, '  fr: "Numériser des documents'),
        expected: [`7: YAML syntax error: Missing closing "quote (noticed at line 17)`],
      },
      {
        broken: 'a field is written twice',
        text: insertedBefore(4, 'level: 2'),
        expected: [`4: YAML syntax error: Map keys must be unique`],
      },
      {
        broken: 'a title contains an unquoted colon',
        text: withLine(8, '  en: Scanning: how to'),
        expected: [`8: YAML syntax error: Nested mappings are not allowed in compact mappings`],
      },
      {
        broken: 'the French title is missing',
        text: without(7),
        expected: [`6: 'title.fr' is missing`],
      },
      {
        broken: 'the title is missing altogether',
        text: without(6, 8),
        expected: [`1: 'title' is missing`],
      },
      {
        broken: 'a French question is blank',
        text: withLine(12, '    - "  "'),
        expected: [`12: 'questions.fr[1]' is empty`],
      },
      {
        broken: 'there are too few French questions',
        text: without(12, 13),
        expected: [`10: 'questions.fr' needs at least 3 questions (has 1)`],
      },
      {
        broken: 'an English question repeats another, in other case',
        text: withLine(17, '    - how do I SCAN a document?'),
        expected: [`17: 'questions.en' repeats "how do I SCAN a document?" (first at line 15)`],
      },
      {
        broken: 'the level is out of range',
        text: withLine(3, 'level: 7'),
        expected: [`3: 'level' must be one of 0, 1, 2, 3, 4 (got 7)`],
      },
      {
        broken: 'the tags are a single string',
        text: withLine(4, 'tags: scan'),
        expected: [`4: 'tags' must be a list (got 'scan')`],
      },
      {
        broken: 'the related list is left without a value',
        text: withLine(5, 'related:'),
        expected: [`5: 'related' has no value (write [] for an empty list)`],
      },
      {
        broken: 'the id is not the file name',
        text: withLine(2, 'id: scanning'),
        expected: [`2: 'id' is 'scanning' but the file is named 'scan-documents.md'; they must match`],
      },
      {
        broken: 'the id is not a slug',
        text: withLine(2, 'id: Scan Documents'),
        expected: [`2: 'id' must be lower-case letters, digits and single dashes, like 'reset-password' (got 'Scan Documents')`],
      },
      {
        broken: 'an unknown field is present',
        text: insertedBefore(6, 'summary: Scanner avec Scriba'),
        expected: [`6: unknown field 'summary'`],
      },
      {
        broken: 'a title has a third language',
        text: insertedBefore(9, '  de: Dokumente scannen'),
        expected: [`9: unknown field 'title.de'`],
      },
      {
        broken: 'the article relates to itself',
        text: withLine(5, 'related: [ocr-text-recognition, scan-documents]'),
        expected: [`5: 'related' lists the article itself ('scan-documents')`],
      },
      {
        broken: 'the English answer is missing',
        text: without(21, 22),
        expected: [`19: answer in English is missing: add a line '<!-- en -->' followed by the answer`],
      },
      {
        broken: 'the French answer is empty',
        text: withLine(20, '   '),
        expected: [`19: answer in French is empty`],
      },
      {
        broken: 'the English answer is empty and the file ends there',
        text: without(22, 23),
        expected: [`21: answer in English is empty`],
      },
      {
        broken: 'the French marker appears twice',
        text: insertedBefore(23, '<!-- fr -->', 'Encore du français.'),
        expected: [`23: second '<!-- fr -->' marker (first at line 19); each language needs exactly one`],
      },
      {
        broken: 'text comes before the first marker',
        text: insertedBefore(19, 'Introduction sans langue'),
        expected: [`19: text before the first language marker belongs to no language; move it after '<!-- fr -->' or '<!-- en -->'`],
      },
      {
        broken: 'the front matter and the body are both wrong',
        text: edit(7, 7).replace('<!-- en -->\n', ''),
        expected: [`6: 'title.fr' is missing`, `18: answer in English is missing: add a line '<!-- en -->' followed by the answer`],
      },
      {
        broken: 'a flow step points nowhere',
        text: withFlow({ 25: '          next: check-drivr' }),
        expected: [
          `25: step 'check-cable', choice 1: 'next' points to unknown step 'check-drivr' (use a step id, 'resolved' or 'escalate')`,
          `28: step 'check-driver' cannot be reached from the start step 'check-cable'`,
        ],
      },
      {
        broken: 'the flow starts at a step that does not exist',
        text: withFlow({ 19: '  start: check-power' }),
        expected: [`19: 'flow.start' names step 'check-power', which does not exist`],
      },
      {
        broken: 'two flow steps share an id',
        text: withFlow({ 28: '    - id: check-cable' }),
        expected: [
          `25: step 'check-cable', choice 1: 'next' points to unknown step 'check-driver' (use a step id, 'resolved' or 'escalate')`,
          `28: step id 'check-cable' is used twice (first at line 21)`,
        ],
      },
      {
        broken: 'no path through the flow ends',
        text: withFlow({ 27: '          next: check-cable', 32: '          next: check-cable' }),
        expected: [`18: no path through the flow leads to 'resolved' or 'escalate'`],
      },
      {
        broken: 'a flow step only loops back on itself',
        text: withFlow({ 32: '          next: check-driver' }),
        expected: [`28: from step 'check-driver' no path leads to 'resolved' or 'escalate'`],
      },
      {
        broken: 'a flow step has no choices',
        text: withFlow({ 30: '      choices: []', 31: null, 32: null }),
        expected: [`30: 'flow.steps[1].choices' needs at least 1 choice (has 0)`],
      },
      {
        broken: 'a flow choice has no English label',
        text: withFlow({ 31: '        - label: { fr: Toujours rien }' }),
        expected: [`31: 'flow.steps[1].choices[0].label.en' is missing`],
      },
    ];

    for (const { broken, text, expected } of cases) {
      it(`when ${broken}`, () => {
        expect(problemsOf(text)).to.deep.equal(expected.map((p) => `${FILE}:${p}`));
      });
    }
  });

  describe('an answer customers could be harmed by is refused at its line', () => {
    const cases: { broken: string; text: string; expected: string[] }[] = [
      {
        broken: 'it holds raw HTML (an image that runs a script)',
        text: withLine(20, 'Menu **Fichier › Numériser**. <img src=x onerror="alert(1)">'),
        expected: ['20: the answer contains raw HTML; write it in Markdown (HTML is not shown to customers)'],
      },
      {
        broken: 'it closes a tag or hides a comment',
        text: withLine(22, 'Menu **File › Scan**.</p><!-- hidden -->'),
        expected: ['22: the answer contains raw HTML; write it in Markdown (HTML is not shown to customers)'],
      },
      {
        broken: 'it links to a site that is not the product\'s',
        text: withLine(22, 'Reset it on [our site](https://scriba-support.evil.example/reset).'),
        expected: ['22: the link https://scriba-support.evil.example/reset points outside the allowed sites (scriba.example); set KB_LINK_HOSTS to allow another'],
      },
      {
        broken: 'a bare address or an autolink points elsewhere',
        text: withLine(20, 'Voir http://phish.example/x. ou <https://other.example>'),
        expected: [
          '20: the link http://phish.example/x points outside the allowed sites (scriba.example); set KB_LINK_HOSTS to allow another',
          '20: the link https://other.example points outside the allowed sites (scriba.example); set KB_LINK_HOSTS to allow another',
        ],
      },
      {
        broken: 'a link runs script',
        text: withLine(20, '[Cliquez ici](javascript:alert(1))'),
        expected: ['20: the link javascript:alert(1) points outside the allowed sites (scriba.example); set KB_LINK_HOSTS to allow another'],
      },
    ];
    for (const { broken, text, expected } of cases) {
      it(`when ${broken}`, () => {
        expect(problemsOf(text)).to.deep.equal(expected.map((p) => `${FILE}:${p}`));
      });
    }

    it('accepts the product\'s own sites, relative links, mail addresses, and HTML shown as code', () => {
      const text = edit(20, 20,
        'Voir [le guide](https://docs.scriba.example/scan) ou https://scriba.example/fr/aide.',
        'Écrivez à <mailto:support@scriba.example> ; [étape 2](#etape-2), [FAQ](/fr/faq).',
        'Tapez `<Ctrl>` puis :',
        '```',
        '<scanner name="twain"/>',
        '```');
      expect(problemsOf(text)).to.deep.equal([]);
    });

    it('allows the hosts the configuration names, and their subdomains', () => {
      const text = withLine(22, 'See [the partner guide](https://help.partner.example/scan).');
      expect(problemsOf(text)).to.have.length(1);
      const allowed = parseArticleFile(FILE, text, { linkHosts: ['scriba.example', 'partner.example'] });
      expect(allowed.problems.map(formatProblem)).to.deep.equal([]);
    });
  });

  it('builds no Article when a required field is missing, so nothing half-checked reaches the bot', () => {
    expect(parseArticleFile(FILE, without(7)).article).to.equal(undefined);
  });
});

describe('an imported draft that still needs translating', () => {
  it('is refused at the line of each untranslated field and answer', () => {
    const text = [
      '---',
      'id: facture-en-double',
      'level: 0',
      'tags: []',
      'title:',
      '  fr: Facture en double',
      '  en: "TODO-translate: Facture en double"',
      'questions:',
      '  fr: [Facture en double, Deux factures, Facturé deux fois]',
      '  en: ["TODO-translate: a", "TODO-translate: b", "TODO-translate: c"]',
      '---',
      '<!-- fr -->',
      'Contactez-nous.',
      '<!-- en -->',
      'TODO-translate: Contactez-nous.',
      '',
    ].join('\n');
    const { problems } = parseArticleFile('knowledge/articles/facture-en-double.md', text);
    expect(problems.map((p) => `${p.line}: ${p.message}`)).to.include.members([
      `7: 'title.en' still needs translating ("TODO-translate: …")`,
      `15: the answer still needs translating ("TODO-translate: …")`,
    ]);
    expect(problems.filter((p) => p.line === 10)).to.have.length(3);
  });
});
