// @ts-check
// Transitional: `window.Staff` for the console pages whose scripts are still classic scripts
// sharing that global. Each page that becomes a module stops loading this file; it goes with the
// last one. Loaded as a module before the page's script (deferred scripts and modules run in order).
import { api, apiUrl, canEdit, currentSession } from './api.js';
import * as dom from './dom.js';
import { currentLang, dayToIso, fmt, t, titleOf } from './i18n.js';
import { run } from './shell.js';

const Staff = { ...dom, api, apiUrl, canEdit, dayToIso, fmt, t, titleOf, run };
Object.defineProperty(Staff, 'lang', { get: currentLang });
Object.defineProperty(Staff, 'session', { get: currentSession });
/** @type {Window & { Staff?: object }} */ (window).Staff = Staff;
