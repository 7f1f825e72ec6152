import { expect } from 'chai';
import { mostAsked } from '../../dialogs/popular.js';

describe('the most asked topics offered in the welcome', () => {
  const exists = (id: string) => id !== 'deleted-article';

  it('ranks the articles shown most often first', () => {
    expect(mostAsked(['install', 'export-datev', 'export-datev', 'install', 'export-datev', 'backup-restore'], [], exists, 2)).to.deep.equal(['export-datev', 'install']);
  });

  it('tops up with the defaults on a young install, without repeating one', () => {
    expect(mostAsked(['install'], ['reset-password', 'install', 'supported-databases'], exists, 3)).to.deep.equal(['install', 'reset-password', 'supported-databases']);
  });

  it('skips articles that no longer exist', () => {
    expect(mostAsked(['deleted-article', 'deleted-article'], ['install'], exists, 2)).to.deep.equal(['install']);
  });
});
