export { createGraphGateway } from './gateway';
export { GraphDirectory } from './directory';
export { GraphError } from './errors';
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
  Query,
} from './types';
