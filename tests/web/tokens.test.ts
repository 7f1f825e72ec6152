import { expect } from 'chai';
import { createTokenSigner, randomId } from '../../bot/directLine/tokens.js';

const secret = 'a-secret-of-at-least-thirty-two-characters!';

describe('local Direct Line tokens', () => {
  it('names their conversation and user, for an hour', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const signer = createTokenSigner({ secret, now: () => now });
    const { token, expiresIn } = signer.issue('conv-1', 'dl_user');
    expect(expiresIn).to.equal(3600);
    expect(signer.verify(token)).to.deep.equal({ ok: true, claims: { conversationId: 'conv-1', userId: 'dl_user', expiresAt: now.getTime() / 1000 + 3600 } });
  });

  it("carry the user in a JWT 'user' claim, where Web Chat looks for it", () => {
    const { token } = createTokenSigner({ secret }).issue('conv-1', 'dl_user');
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { user: string; conv: string };
    expect(payload).to.include({ user: 'dl_user', conv: 'conv-1' });
  });

  it('differ each time, even for the same conversation in the same second', () => {
    const signer = createTokenSigner({ secret, now: () => new Date('2026-11-23T10:00:00Z') });
    expect(signer.issue('c', 'u').token).to.not.equal(signer.issue('c', 'u').token);
  });

  it('expire', () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const signer = createTokenSigner({ secret, ttlSeconds: 60, now: () => now });
    const { token } = signer.issue('c', 'u');
    now = new Date('2026-11-23T10:01:00Z');
    expect(signer.verify(token)).to.deep.equal({ ok: false, reason: 'expired' });
  });

  it('are refused when the payload is changed, or signed with another secret', () => {
    const signer = createTokenSigner({ secret });
    const [header, , signature] = signer.issue('conv-1', 'u').token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ conv: 'conv-2', user: 'u', exp: 9_999_999_999 })).toString('base64url');
    expect(signer.verify(`${header}.${otherPayload}.${signature}`)).to.deep.equal({ ok: false, reason: 'bad-signature' });
    const other = createTokenSigner({ secret: `${secret}-other` }).issue('conv-1', 'u').token;
    expect(signer.verify(other)).to.deep.equal({ ok: false, reason: 'bad-signature' });
  });

  for (const token of ['', 'abc', 'a.b', 'a.b.c.d', 'eyJhbGciOiJub25lIn0.eyJjb252IjoiYyJ9.']) {
    it(`are refused as malformed: '${token}'`, () => {
      expect(createTokenSigner({ secret }).verify(token)).to.deep.equal({ ok: false, reason: 'malformed' });
    });
  }

  it('use random ids of 128 bits', () => {
    expect(randomId('dl_')).to.match(/^dl_[\w-]{22}$/);
    expect(randomId()).to.not.equal(randomId());
  });
});
