// The two ways to teach the bot an unanswered question, opened from a row of the Unanswered page:
// add it to an existing article (POST /api/staff/articles/:id/questions) or write a new article
// (POST /api/staff/articles). The server runs the KB checker first: its problems are shown as
// they come, and nothing is written.
(function () {
  'use strict';

  var Staff = window.Staff;
  var h = Staff.h;
  var t = Staff.t;

  var FRENCH = /[àâçéèêëîïôûùüÿœæ]|\b(le|la|les|des|du|une?|est|pas|je|j'|mon|ma|mes|ne|n'|comment|pourquoi|quand|avec|pour|sur|dans|il|elle|ça|et|ou|vous|nous|facture|mot de passe)\b/i;

  /** A guess good enough to prefill a form; the agent can change it. */
  Staff.guessLang = function (text, languages) {
    if (languages && languages.length === 1 && (languages[0] === 'fr' || languages[0] === 'en')) return languages[0];
    return FRENCH.test(text || '') ? 'fr' : 'en';
  };

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

  function langSelect(value) {
    return Staff.select('lang', [['fr', t('langFrench')], ['en', t('langEnglish')]], value);
  }

  function resultMessage(res, okText) {
    if (res.ok) return h('div', { class: 'alert alert--success', role: 'status' }, okText);
    if (res.status === 422 && res.data && Array.isArray(res.data.problems)) return Staff.problemsBox(res.data.problems);
    return Staff.errorBox(res);
  }

  /** Search an article, pick it, add the question in one language. */
  Staff.addToArticleForm = function (group, onDone) {
    var question = h('input', { type: 'text', name: 'question', value: group.question || '', required: true });
    var lang = langSelect(Staff.guessLang(group.question, group.languages));
    var search = h('input', { type: 'search', name: 'q', placeholder: t('articleSearchPlaceholder'), autocomplete: 'off', 'aria-controls': 'article-results' });
    var results = h('div', { class: 'article-results', id: 'article-results', role: 'radiogroup', 'aria-label': t('pickArticle') });
    var message = h('div', { class: 'form-message' });
    var submit = h('button', { type: 'submit', class: 'btn btn--primary', disabled: true }, t('addQuestion'));
    var picked = null;
    var timer;
    var seq = 0;

    function option(article, suggested) {
      var radio = h('input', { type: 'radio', name: 'article', value: article.id, checked: picked === article.id, onchange: function () {
        picked = article.id;
        submit.disabled = false;
      } });
      return h('label', { class: 'article-option' + (suggested ? ' article-option--suggested' : '') },
        radio,
        h('span', { class: 'article-option-text' },
          h('strong', null, Staff.titleOf(article.title) || article.id),
          h('span', { class: 'muted small' }, h('code', null, article.id),
            article.level !== undefined ? ' · ' + t('levelN', { n: article.level }) : '',
            article.questions !== undefined ? ' · ' + t('questionsN', { n: article.questions }) : '',
            suggested && typeof article.score === 'number' ? ' · ' + t('suggestedScore', { score: Staff.fmt.score(article.score) }) : '')));
    }

    function show(articles, suggestions) {
      var seen = {};
      var items = [];
      var byId = {};
      articles.forEach(function (a) { byId[a.id] = a; });
      (suggestions || []).forEach(function (s) {
        seen[s.id] = true;
        // The list's entry has both titles (shown in the page's language) and the counts.
        items.push(option(Object.assign({}, byId[s.id] || {}, { id: s.id, title: byId[s.id] ? byId[s.id].title : s.title, score: s.score }), true));
      });
      articles.forEach(function (a) { if (!seen[a.id]) items.push(option(a, false)); });
      Staff.replace(results, items.length ? items : Staff.empty(t('noArticles')));
    }

    function load() {
      var mine = ++seq;
      var q = search.value.trim();
      Staff.api.get('/articles', { q: q, lang: lang.value }).then(function (res) {
        if (mine !== seq) return; // a later search answered first
        if (Staff.failed(res, results)) return;
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
    function send(id, text, language, movedFrom) {
      var body = { question: text, lang: language };
      if (movedFrom) body.move = true;
      Staff.api.post('/articles/' + encodeURIComponent(id) + '/questions', body).then(function (res) {
        submit.disabled = false;
        if (res.signedOut) return;
        Staff.clear(message);
        var other = res.data && res.data.article && res.data.article.id;
        if (res.status === 409 && other && !movedFrom) {
          message.appendChild(h('div', { class: 'alert alert--warning', role: 'alert' },
            h('p', null, t('questionElsewhere', { other: other, id: id })),
            h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: function (event) {
              event.currentTarget.disabled = true;
              send(id, text, language, other);
            } }, t('moveQuestion', { id: id }))));
          return;
        }
        message.appendChild(resultMessage(res, movedFrom ? t('questionMoved', { other: movedFrom, id: id }) : t('questionAdded', { id: id })));
        if (res.ok) onDone(t('doneAdded', { id: id }));
      });
    }

    var form = h('form', { class: 'panel-form', novalidate: true, onsubmit: function (event) {
      event.preventDefault();
      Staff.clear(message);
      if (!picked || !question.value.trim()) {
        message.appendChild(h('div', { class: 'alert alert--error', role: 'alert' }, t(picked ? 'questionRequired' : 'pickArticleFirst')));
        return;
      }
      submit.disabled = true;
      send(picked, question.value.trim(), lang.value, null);
    } },
      h('h3', null, t('addToArticle')),
      h('div', { class: 'field-row' }, Staff.field(t('questionToAdd'), question), Staff.field(t('language'), lang)),
      Staff.field(t('findArticle'), search),
      results,
      message,
      h('div', { class: 'form-actions' }, submit));
    results.appendChild(Staff.loading());
    load();
    return form;
  };

  /** A new article, prefilled with the group's questions in their language. */
  Staff.articleDraftForm = function (group, onDone) {
    var byLang = { fr: [], en: [] };
    (group.questions && group.questions.length ? group.questions : [group.question]).forEach(function (q) {
      byLang[Staff.guessLang(q, group.languages)].push(q);
    });
    var id = h('input', { type: 'text', name: 'id', value: slugOf(group.question), class: 'mono', pattern: '[a-z0-9]+(-[a-z0-9]+)*', required: true });
    var level = Staff.select('level', [0, 1, 2, 3, 4].map(function (n) { return [String(n), t('articleLevel' + n)]; }), '0');
    var fields = {};
    ['fr', 'en'].forEach(function (l) {
      fields[l] = {
        title: h('input', { type: 'text', name: 'title-' + l, lang: l }),
        questions: h('textarea', { name: 'questions-' + l, rows: 5, lang: l, value: byLang[l].join('\n') }),
        answer: h('textarea', { name: 'answer-' + l, rows: 6, lang: l }),
      };
    });
    var tags = h('input', { type: 'text', name: 'tags', placeholder: t('tagsPlaceholder') });
    var message = h('div', { class: 'form-message' });
    var submit = h('button', { type: 'submit', class: 'btn btn--primary' }, t('createArticle'));

    function lines(textarea) {
      return textarea.value.split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
    }

    function column(l) {
      var f = fields[l];
      var name = t(l === 'fr' ? 'langFrench' : 'langEnglish');
      return h('fieldset', { class: 'lang-column' },
        h('legend', null, name),
        Staff.field(t('articleTitle'), f.title),
        Staff.field(t('articleQuestions'), f.questions, t('onePerLine')),
        Staff.field(t('articleAnswer'), f.answer, t('answerHint')));
    }

    return h('form', { class: 'panel-form', novalidate: true, onsubmit: function (event) {
      event.preventDefault();
      Staff.clear(message);
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id.value.trim())) {
        message.appendChild(h('div', { class: 'alert alert--error', role: 'alert' }, t('idInvalid')));
        id.focus();
        return;
      }
      var missing = [];
      ['fr', 'en'].forEach(function (l) {
        var name = t(l === 'fr' ? 'langFrench' : 'langEnglish');
        if (!fields[l].title.value.trim()) missing.push(t('articleTitle') + ' (' + name + ')');
        if (!fields[l].answer.value.trim()) missing.push(t('articleAnswer') + ' (' + name + ')');
      });
      if (missing.length) {
        message.appendChild(h('div', { class: 'alert alert--error', role: 'alert' }, t('draftMissing', { fields: missing.join(', ') })));
        return;
      }
      var body = {
        id: id.value.trim(),
        level: Number(level.value),
        title: { fr: fields.fr.title.value.trim(), en: fields.en.title.value.trim() },
        questions: { fr: lines(fields.fr.questions), en: lines(fields.en.questions) },
        answer: { fr: fields.fr.answer.value.trim(), en: fields.en.answer.value.trim() },
      };
      var tagList = tags.value.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
      if (tagList.length) body.tags = tagList;
      submit.disabled = true;
      Staff.api.post('/articles', body).then(function (res) {
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
      h('div', { class: 'field-row' }, Staff.field(t('articleId'), id, t('idHint')), Staff.field(t('articleLevel'), level), Staff.field(t('tags'), tags)),
      h('div', { class: 'lang-columns' }, column('fr'), column('en')),
      message,
      h('div', { class: 'form-actions' }, submit));
  };
})();
