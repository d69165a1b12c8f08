export { startFakeOpenAI } from './server';
export { estimateTokens } from './wire';
export type * from './types';
