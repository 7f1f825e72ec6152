// Dialog ids: one place, so a typo is a compile error rather than a dialog that never starts.
export const ANSWER = 'answer';
export const CLARIFY = 'clarify';
export const FLOW = 'flow';
export const REQUEST = 'request';
export const STATUS = 'status';
