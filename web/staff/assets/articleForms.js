// @ts-check
// The two ways to teach the bot an unanswered question, opened from a row of the Unanswered page:
// add it to an existing article (POST /api/staff/articles/:id/questions) or write a new article
// (POST /api/staff/articles). The server runs the KB checker first: its problems are shown as
// they come, and nothing is written.
import { api } from './api.js';
import { clear, empty, errorBox, failed, field, h, loading, problemsBox, replace, select } from './dom.js';
import { fmt, t, titleOf } from './i18n.js';

/** @import { ArticleListing, ArticleMatch, Lang, UnansweredPage } from '../../apiTypes.js' */
/** @import { ApiResult } from './api.js' */

/**
 * A row of the Unanswered page.
 * @typedef {UnansweredPage['groups'][number]} Group
 * An article to pick: from the list (both titles, its counts), or a suggestion (its score).
 * @typedef {Omit<Partial<ArticleListing>, 'title'> & { id: string, title?: ArticleListing['title'] | string, score?: number }} Pickable
 */

const FRENCH = /[àâçéèêëîïôûùüÿœæ]|\b(le|la|les|des|du|une?|est|pas|je|j'|mon|ma|mes|ne|n'|comment|pourquoi|quand|avec|pour|sur|dans|il|elle|ça|et|ou|vous|nous|facture|mot de passe)\b/i;

/**
 * A guess good enough to prefill a form; the agent can change it.
 * @param {string} text
 * @param {readonly string[]} [languages]
 * @returns {Lang}
 */
export function guessLang(text, languages) {
  const only = languages && languages.length === 1 ? languages[0] : undefined;
  if (only === 'fr' || only === 'en') return only;
  return FRENCH.test(text || '') ? 'fr' : 'en';
}

/** @param {string} text */
function slugOf(text) {
  return String(text || '')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(function (w) { return w.length > 2; })
    .slice(0, 5)
    .join('-')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/** @param {string} value */
function langSelect(value) {
  return select('lang', [['fr', t('langFrench')], ['en', t('langEnglish')]], value);
}

/**
 * @param {ApiResult<unknown>} res
 * @param {string} okText
 */
function resultMessage(res, okText) {
  if (res.ok) return h('div', { class: 'alert alert--success', role: 'status' }, okText);
  if (res.status === 422 && res.data && Array.isArray(res.data.problems)) return problemsBox(res.data.problems);
  return errorBox(res);
}

/**
 * Search an article, pick it, add the question in one language.
 * @param {Group} group
 * @param {(text: string) => void} onDone
 */
export function addToArticleForm(group, onDone) {
  const question = h('input', { type: 'text', name: 'question', value: group.question || '', required: true });
  const lang = langSelect(guessLang(group.question, group.languages));
  const search = h('input', { type: 'search', name: 'q', placeholder: t('articleSearchPlaceholder'), autocomplete: 'off', 'aria-controls': 'article-results' });
  const results = h('div', { class: 'article-results', id: 'article-results', role: 'radiogroup', 'aria-label': t('pickArticle') });
  const message = h('div', { class: 'form-message' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', disabled: true }, t('addQuestion'));
  /** @type {string | null} */
  let picked = null;
  /** @type {number | undefined} */
  let timer;
  let seq = 0;

  /**
   * @param {Pickable} article
   * @param {boolean} suggested
   */
  function option(article, suggested) {
    const radio = h('input', { type: 'radio', name: 'article', value: article.id, checked: picked === article.id, onchange: function () {
      picked = article.id;
      submit.disabled = false;
    } });
    return h('label', { class: 'article-option' + (suggested ? ' article-option--suggested' : '') },
      radio,
      h('span', { class: 'article-option-text' },
        h('strong', null, titleOf(article.title) || article.id),
        h('span', { class: 'muted small' }, h('code', null, article.id),
          article.level !== undefined ? ' · ' + t('levelN', { n: article.level }) : '',
          article.questions !== undefined ? ' · ' + t('questionsN', { n: article.questions }) : '',
          suggested && typeof article.score === 'number' ? ' · ' + t('suggestedScore', { score: fmt.score(article.score) }) : '')));
  }

  /**
   * @param {ArticleListing[]} articles
   * @param {readonly ArticleMatch[]} suggestions
   */
  function show(articles, suggestions) {
    /** @type {Record<string, true>} */
    const seen = {};
    /** @type {HTMLLabelElement[]} */
    const items = [];
    /** @type {Record<string, ArticleListing>} */
    const byId = {};
    articles.forEach(function (a) { byId[a.id] = a; });
    (suggestions || []).forEach(function (s) {
      seen[s.id] = true;
      // The list's entry has both titles (shown in the page's language) and the counts.
      const listed = byId[s.id];
      items.push(option(Object.assign({}, listed || {}, { id: s.id, title: listed ? listed.title : s.title, score: s.score }), true));
    });
    articles.forEach(function (a) { if (!seen[a.id]) items.push(option(a, false)); });
    replace(results, items.length ? items : empty(t('noArticles')));
  }

  function load() {
    const mine = ++seq;
    const q = search.value.trim();
    api.get('/articles', { q: q, lang: lang.value }).then(function (res) {
      if (mine !== seq) return; // a later search answered first
      if (failed(res, results)) return;
      show((res.data && res.data.articles) || [], q ? [] : group.suggestions);
    });
  }
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(load, 200);
  });
  search.addEventListener('keydown', function (e) { if (e.key === 'Enter') e.preventDefault(); });
  lang.addEventListener('change', load);

  // A question that is another article's comes back 409 naming it: the agent may move it here
  // (`movedFrom` is then that article).
  /**
   * @param {string} id
   * @param {string} text
   * @param {string} language
   * @param {string | null} movedFrom
   */
  function send(id, text, language, movedFrom) {
    /** @type {{ question: string, lang: string, move?: true }} */
    const body = { question: text, lang: language };
    if (movedFrom) body.move = true;
    api.post(`/articles/${encodeURIComponent(id)}/questions`, body).then(function (res) {
      submit.disabled = false;
      if (res.signedOut) return;
      clear(message);
      const other = res.data && res.data.article && res.data.article.id;
      if (res.status === 409 && other && !movedFrom) {
        message.appendChild(h('div', { class: 'alert alert--warning', role: 'alert' },
          h('p', null, t('questionElsewhere', { other: other, id: id })),
          h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: function (event) {
            /** @type {HTMLButtonElement} */ (event.currentTarget).disabled = true;
            send(id, text, language, other);
          } }, t('moveQuestion', { id: id }))));
        return;
      }
      message.appendChild(resultMessage(res, movedFrom ? t('questionMoved', { other: movedFrom, id: id }) : t('questionAdded', { id: id })));
      if (res.ok) onDone(t('doneAdded', { id: id }));
    });
  }

  const form = h('form', { class: 'panel-form', novalidate: true, onsubmit: function (event) {
    event.preventDefault();
    clear(message);
    if (!picked || !question.value.trim()) {
      message.appendChild(h('div', { class: 'alert alert--error', role: 'alert' }, t(picked ? 'questionRequired' : 'pickArticleFirst')));
      return;
    }
    submit.disabled = true;
    send(picked, question.value.trim(), lang.value, null);
  } },
    h('h3', null, t('addToArticle')),
    h('div', { class: 'field-row' }, field(t('questionToAdd'), question), field(t('language'), lang)),
    field(t('findArticle'), search),
    results,
    message,
    h('div', { class: 'form-actions' }, submit));
  results.appendChild(loading());
  load();
  return form;
}

/**
 * A new article, prefilled with the group's questions in their language.
 * @param {Group} group
 * @param {(text: string) => void} onDone
 */
export function articleDraftForm(group, onDone) {
  /** @type {Record<Lang, string[]>} */
  const byLang = { fr: [], en: [] };
  (group.questions && group.questions.length ? group.questions : [group.question]).forEach(function (q) {
    byLang[guessLang(q, group.languages)].push(q);
  });
  const id = h('input', { type: 'text', name: 'id', value: slugOf(group.question), class: 'mono', pattern: '[a-z0-9]+(-[a-z0-9]+)*', required: true });
  const level = select('level', /** @type {const} */ ([0, 1, 2, 3, 4]).map(function (n) { return /** @type {const} */ ([String(n), t(`articleLevel${n}`)]); }), '0');
  /** @param {Lang} l */
  function langFields(l) {
    return {
      title: h('input', { type: 'text', name: 'title-' + l, lang: l }),
      questions: h('textarea', { name: 'questions-' + l, rows: 5, lang: l, value: byLang[l].join('\n') }),
      answer: h('textarea', { name: 'answer-' + l, rows: 6, lang: l }),
    };
  }
  /** @type {Record<Lang, { title: HTMLInputElement, questions: HTMLTextAreaElement, answer: HTMLTextAreaElement }>} */
  const fields = {
    fr: langFields('fr'),
    en: langFields('en'),
  };
  const tags = h('input', { type: 'text', name: 'tags', placeholder: t('tagsPlaceholder') });
  const message = h('div', { class: 'form-message' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, t('createArticle'));

  /** @param {HTMLTextAreaElement} textarea */
  function lines(textarea) {
    return textarea.value.split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
  }

  /** @param {Lang} l */
  function column(l) {
    const f = fields[l];
    const name = t(l === 'fr' ? 'langFrench' : 'langEnglish');
    return h('fieldset', { class: 'lang-column' },
      h('legend', null, name),
      field(t('articleTitle'), f.title),
      field(t('articleQuestions'), f.questions, t('onePerLine')),
      field(t('articleAnswer'), f.answer, t('answerHint')));
  }

  return h('form', { class: 'panel-form', novalidate: true, onsubmit: function (event) {
    event.preventDefault();
    clear(message);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id.value.trim())) {
      message.appendChild(h('div', { class: 'alert alert--error', role: 'alert' }, t('idInvalid')));
      id.focus();
      return;
    }
    /** @type {string[]} */
    const missing = [];
    /** @type {const} */ (['fr', 'en']).forEach(function (l) {
      const name = t(l === 'fr' ? 'langFrench' : 'langEnglish');
      if (!fields[l].title.value.trim()) missing.push(t('articleTitle') + ' (' + name + ')');
      if (!fields[l].answer.value.trim()) missing.push(t('articleAnswer') + ' (' + name + ')');
    });
    if (missing.length) {
      message.appendChild(h('div', { class: 'alert alert--error', role: 'alert' }, t('draftMissing', { fields: missing.join(', ') })));
      return;
    }
    /** @type {{ id: string, level: number, title: Record<Lang, string>, questions: Record<Lang, string[]>, answer: Record<Lang, string>, tags?: string[] }} */
    const body = {
      id: id.value.trim(),
      level: Number(level.value),
      title: { fr: fields.fr.title.value.trim(), en: fields.en.title.value.trim() },
      questions: { fr: lines(fields.fr.questions), en: lines(fields.en.questions) },
      answer: { fr: fields.fr.answer.value.trim(), en: fields.en.answer.value.trim() },
    };
    const tagList = tags.value.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
    if (tagList.length) body.tags = tagList;
    submit.disabled = true;
    api.post('/articles', body).then(function (res) {
      submit.disabled = false;
      if (res.signedOut) return;
      if (res.status === 409) {
        message.appendChild(h('div', { class: 'alert alert--error', role: 'alert' }, t('idTaken', { id: body.id })));
        return;
      }
      message.appendChild(resultMessage(res, t('articleCreated', { id: body.id })));
      if (res.ok) onDone(t('doneCreated', { id: body.id }));
    });
  } },
    h('h3', null, t('newArticleDraft')),
    h('div', { class: 'field-row' }, field(t('articleId'), id, t('idHint')), field(t('articleLevel'), level), field(t('tags'), tags)),
    h('div', { class: 'lang-columns' }, column('fr'), column('en')),
    message,
    h('div', { class: 'form-actions' }, submit));
}
