import { expect } from 'chai';
import { parseCookies, serializeCookie } from '../../staff/cookies.js';

describe('session cookie headers', () => {
  it('reads the cookies of a Cookie header, the first of a repeated name winning', () => {
    const cookies = parseCookies('theme=dark; staff_session=v1.abc.def; staff_session=other; broken; ="x"');
    expect(cookies.get('staff_session')).to.equal('v1.abc.def');
    expect(cookies.get('theme')).to.equal('dark');
    expect(cookies.size).to.equal(2);
  });

  it('reads nothing from a missing header', () => {
    expect(parseCookies(undefined).size).to.equal(0);
  });

  it('writes an HttpOnly, SameSite=Strict cookie for the whole site, Secure on https', () => {
    expect(serializeCookie('staff_session', 'v1.a.b', { maxAge: 28800, secure: true }))
      .to.equal('staff_session=v1.a.b; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure');
    expect(serializeCookie('staff_session', 'v1.a.b', { maxAge: 60, secure: false })).to.not.include('Secure');
  });

  it('deletes a cookie with Max-Age=0 and a date in the past', () => {
    expect(serializeCookie('staff_session', '', { maxAge: 0, secure: false })).to.include('Max-Age=0').and.include('Expires=Thu, 01 Jan 1970');
  });
});
