// Where a chat's "Read the full article" points: the help centre's page of the article. With
// PUBLIC_URL every channel gets the full address; without it only the website chat can follow a
// link relative to this server (it is on one of its pages), so elsewhere the whole answer is shown.
import type { Lang } from '../knowledge/types.js';
import { WEBCHAT_CHANNEL } from './directLine/localDirectLine.js';

export function articleLinks(publicUrl: string | undefined) {
  return (lang: Lang, articleId: string, channelId: string | undefined): string | undefined => {
    const page = `/help/${lang}/${encodeURIComponent(articleId)}`;
    if (publicUrl) return `${publicUrl.replace(/\/+$/, '')}${page}`;
    // Web Chat, on this server's pages (the help page, the embedded chat.html), from either Direct Line.
    return channelId === WEBCHAT_CHANNEL ? page : undefined;
  };
}
