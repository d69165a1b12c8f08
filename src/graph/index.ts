export { createGraphGateway } from './gateway';
export { GraphDirectory } from './directory';
export { GraphError } from './errors';
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
  Query,
} from './types';
