// A customer's message as a channel posts it to /api/messages in local mode: deliveryMode
// expectReplies, so the replies come back in the response and the serviceUrl is never called.
export function channelMessage(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    text,
    locale: 'fr-FR',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/never-called',
    deliveryMode: 'expectReplies',
    from: { id: 'user-1', name: 'Client' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: 'http-conv-1' },
    id: `a-${Math.random()}`,
    ...extra,
  };
}
