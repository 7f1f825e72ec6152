// @ts-check
// The demo customer site (/demo.html): its texts in the visitor's language (?locale=, else the
// browser's), the snippet written with this server's real address (not a fixed port), and the
// embed snippet itself, added in that language as a customer's page would carry it: a classic
// script, not a module.
const fr = {
  title: 'Cabinet Lefèvre & Associés — démonstration du widget Scriba',
  banner: "Page de démonstration : un site client fictif avec le widget d'assistance Scriba (bouton en bas à droite).",
  tagline: 'Expertise comptable · Lyon',
  navFirm: 'Le cabinet', navServices: 'Nos missions', navClients: 'Espace client', navContact: 'Contact',
  heroTitle: 'Votre espace documentaire, propulsé par Scriba',
  heroText: "Déposez vos justificatifs, retrouvez vos bilans et signez vos documents en ligne. Une question sur l'outil ? L'assistant Scriba vous répond, en français ou en anglais.",
  card1Title: 'Dépôt de pièces', card1Text: "Factures d'achat, relevés bancaires, notes de frais : glissez-les dans votre espace, nous nous occupons du reste.",
  card2Title: 'Vos bilans', card2Text: 'Bilans, liasses fiscales et tableaux de bord, classés par exercice et toujours à portée de main.',
  card3Title: 'Signature en ligne', card3Text: 'Lettres de mission et procès-verbaux signés en quelques clics, sans impression.',
  snippetTitle: "Intégrer l'assistant sur votre site",
  snippetText: 'Une ligne avant </body> ; data-locale vaut fr ou en (sinon la langue du navigateur).',
  footer: '© Cabinet Lefèvre & Associés — site fictif de démonstration',
};

/** @type {Record<keyof typeof fr, string>} */
const en = {
  title: 'Lefèvre & Associates — Scriba widget demo',
  banner: 'Demo page: a made-up customer site with the Scriba help widget (button at the bottom right).',
  tagline: 'Chartered accountants · Lyon',
  navFirm: 'The firm', navServices: 'Services', navClients: 'Client area', navContact: 'Contact',
  heroTitle: 'Your document space, powered by Scriba',
  heroText: 'Upload your receipts, find your balance sheets and sign your documents online. A question about the tool? The Scriba assistant answers, in English or in French.',
  card1Title: 'Uploading documents', card1Text: 'Purchase invoices, bank statements, expense reports: drop them into your space, we take care of the rest.',
  card2Title: 'Your accounts', card2Text: 'Balance sheets, tax returns and dashboards, filed by financial year and always at hand.',
  card3Title: 'Online signature', card3Text: 'Engagement letters and minutes signed in a few clicks, no printing.',
  snippetTitle: 'Add the assistant to your website',
  snippetText: 'One line before </body>; data-locale is fr or en (otherwise the browser\u2019s language).',
  footer: '© Lefèvre & Associates — a made-up demo site',
};

const asked = new URLSearchParams(location.search).get('locale') || navigator.language || 'fr';
const lang = /^fr\b/i.test(asked) ? 'fr' : 'en';
const t = { fr, en }[lang];

/**
 * The text a page element names (data-demo), if there is one.
 * @param {string | null} key
 * @returns {string | undefined}
 */
function text(key) {
  return key !== null && Object.prototype.hasOwnProperty.call(t, key) ? t[/** @type {keyof typeof fr} */ (key)] : undefined;
}

document.documentElement.lang = lang;
document.title = t.title;
document.querySelectorAll('[data-demo]').forEach(function (el) {
  el.textContent = text(el.getAttribute('data-demo')) || el.textContent;
});
document.querySelectorAll('.demo-langs a').forEach(function (link) {
  if (link.getAttribute('lang') === lang) link.setAttribute('aria-current', 'true');
});

const src = location.origin + '/embed.js';
const snippet = document.getElementById('demo-snippet');
if (snippet) snippet.textContent = '<script src="' + src + '" data-locale="' + lang + '" async></script>';

const embed = document.createElement('script');
embed.src = src;
embed.async = true;
embed.setAttribute('data-locale', lang);
document.body.appendChild(embed);
