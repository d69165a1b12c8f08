export { createGraphGateway } from './gateway';
export { GraphDirectory } from './directory';
export { CachedDirectory, type DirectoryCacheOptions } from './cached-directory';
export { batchAnswerError } from './batch-error';
export { GraphError, SignInRequiredError } from './errors';
export { createGraphAuth, graphAuthFor, type GraphAuthDeps } from './credentials';
export { portForStep, type GraphIdentity } from './identity';
export { InMemoryUserTokens, type UserTokenSource } from './user-tokens';
export { traceGraphRequests } from './trace';
export type { GraphRequestListener, GraphRequestRecord } from './trace';
export type {
  BatchRequest,
  BatchResponse,
  CallOptions,
  GraphActor,
  GraphAuth,
  GraphGateway,
  GraphGatewayOptions,
  GraphLogger,
  GraphPort,
  PostOptions,
  PutOptions,
  Query,
} from './types';
