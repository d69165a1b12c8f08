import { randomUUID } from 'node:crypto';
import type { Client, GraphRequest } from '@microsoft/microsoft-graph-client';
import { runBatch } from './batch';
import { CallState } from './call-state';
import { describeTarget } from './describe-target';
import { pathOnly, withQuery, type ServiceRoot } from './service-root';
import { toGraphError } from './to-graph-error';
import type {
  BatchRequest,
  BatchResponse,
  CallOptions,
  GraphLogger,
  GraphPort,
  PostOptions,
  PutOptions,
  Query,
} from './types';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface Page<T> {
  readonly value?: T[];
  readonly '@odata.nextLink'?: string;
}

/** A {@link GraphPort} over one SDK client (one identity). */
export class SdkGraphPort implements GraphPort {
  constructor(
    private readonly client: Client,
    private readonly root: ServiceRoot,
    private readonly logger: GraphLogger,
    private readonly maxRetries: number,
    /** Whose identity this client's token carries; decides who "doesn't have access" in errors. */
    private readonly identity: 'user' | 'app',
  ) {}

  get<T>(path: string, query?: Query, options?: CallOptions): Promise<T> {
    return this.call<T>('GET', withQuery(path, query), undefined, true, options);
  }

  async getAll<T>(
    path: string,
    options: CallOptions & { readonly maxPages: number; readonly query?: Query },
  ): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = withQuery(path, options.query);
    for (let page = 1; next !== undefined; page += 1) {
      const body: Page<T> | undefined = await this.call<Page<T>>('GET', next, undefined, true, options);
      items.push(...(body?.value ?? []));
      const link = body?.['@odata.nextLink'];
      if (link === undefined) break;
      if (page >= options.maxPages) {
        this.logger.debug(
          { path: pathOnly(path), pages: page, items: items.length },
          'graph paging stopped at maxPages',
        );
        break;
      }
      next = this.root.relative(link);
      // A nextLink outside our service root would carry our token elsewhere: stop instead.
      if (next === undefined)
        this.logger.warn({ path: pathOnly(path) }, 'graph nextLink outside the service root ignored');
    }
    return items;
  }

  post<T>(path: string, body: unknown, options?: PostOptions): Promise<T> {
    return this.call<T>('POST', withQuery(path, undefined), body, options?.idempotent ?? false, options);
  }

  patch<T>(path: string, body: unknown, options?: CallOptions): Promise<T> {
    // Graph PATCH sets properties to given values, so replaying it converges: safe to retry.
    return this.call<T>('PATCH', withQuery(path, undefined), body, true, options);
  }

  put<T>(path: string, body: Uint8Array, options?: PutOptions): Promise<T> {
    // A Buffer over exactly these bytes: the SDK would copy a typed array's whole backing buffer.
    const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const given = Object.entries(options?.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type');
    const headers = {
      ...Object.fromEntries(given),
      'Content-Type': options?.contentType ?? 'application/octet-stream',
    };
    return this.call<T>('PUT', withQuery(path, undefined), bytes, options?.idempotent ?? false, {
      ...options,
      headers,
    });
  }

  async delete(path: string, options?: CallOptions): Promise<void> {
    await this.call<unknown>('DELETE', withQuery(path, undefined), undefined, true, options);
  }

  batch<T = unknown>(requests: readonly BatchRequest[], options?: CallOptions): Promise<BatchResponse<T>[]> {
    return runBatch<T>(requests, {
      maxRetries: this.maxRetries,
      signal: options?.signal,
      // Only reads are batched, so the $batch POST itself is safe to replay.
      send: (body) => this.call('POST', '/$batch', body, true, options),
    });
  }

  private async call<T>(
    method: Method,
    path: string,
    body: unknown,
    idempotent: boolean,
    options: CallOptions | undefined,
  ): Promise<T> {
    const state = new CallState(method, idempotent, randomUUID(), options?.signal);
    const request: GraphRequest = this.client.api(path).middlewareOptions([state]);
    if (options?.headers) request.headers({ ...options.headers });
    try {
      switch (method) {
        case 'GET':
          return (await request.get()) as T;
        case 'POST':
          return (await request.post(body)) as T;
        case 'PATCH':
          return (await request.patch(body)) as T;
        case 'PUT':
          return (await request.put(body)) as T;
        case 'DELETE':
          return (await request.delete()) as T;
      }
    } catch (error) {
      throw toGraphError(error, state, options?.what ?? describeTarget(pathOnly(path)), this.identity);
    }
  }
}
