// Why a Teams app package could not be built: every problem found, each saying what and where.
export class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'TeamsPackageError';
  }
}
