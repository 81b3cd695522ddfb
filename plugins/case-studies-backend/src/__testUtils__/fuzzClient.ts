import http from 'http';
import { FuzzRequest } from './fuzzRequests';

/*
 * Sends fuzz requests byte for byte: node's http client writes the path as
 * given (supertest and fetch would normalise `..` and re-encode), over
 * kept-alive connections so ten thousand requests take seconds.
 */

/** Just over express.json's 1 MB limit. */
const OVERSIZED_BODY = Buffer.from(
  JSON.stringify({ status: 'done', note: 'x'.repeat(1.1 * 1024 * 1024) }),
);

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzResponse {
  status: number;
  body: string;
}

/** The request as sent, short enough to print. */
export function describeRequest(sent: SentRequest): string {
  const body =
    sent.body === undefined
      ? ''
      : `\n  body: ${JSON.stringify(
          sent.body.length > 500
            ? `${sent.body.slice(0, 500)}… (${sent.body.length} chars)`
            : sent.body,
        )}`;
  const url =
    sent.url.length > 600
      ? `${sent.url.slice(0, 600)}… (${sent.url.length} chars)`
      : sent.url;
  return `${sent.method} ${url}\n  headers: ${JSON.stringify(
    sent.headers,
  )}${body}`;
}

export class FuzzClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly port: number,
    private readonly basePath: string,
  ) {}

  /** Resolves the placeholders of a generated request into what will be sent. */
  prepare(
    request: FuzzRequest,
    values: { rolloutId: string; authorization?: string },
  ): SentRequest {
    const path = request.path.replace(/\{rollout\}/g, values.rolloutId);
    const url = `${this.basePath}${path}${
      request.query ? `?${request.query}` : ''
    }`;
    const headers: Record<string, string> = {};
    if (values.authorization) headers.authorization = values.authorization;
    if (request.body?.contentType) {
      headers['content-type'] = request.body.contentType;
    }
    if (request.body?.contentEncoding) {
      headers['content-encoding'] = request.body.contentEncoding;
    }
    return {
      method: request.method,
      url,
      headers,
      body: request.body?.oversized
        ? `<${OVERSIZED_BODY.length} bytes of JSON>`
        : request.body?.text,
    };
  }

  send(sent: SentRequest, oversized: boolean): Promise<FuzzResponse> {
    let payload: Buffer | undefined;
    if (oversized) payload = OVERSIZED_BODY;
    else if (sent.body !== undefined) payload = Buffer.from(sent.body, 'utf8');
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: sent.method,
          path: sent.url,
          headers: {
            ...sent.headers,
            ...(payload ? { 'content-length': String(payload.length) } : {}),
          },
          // the server may answer 413 before reading a large body and close
          // the connection: send that one on a connection of its own
          agent: oversized ? false : this.agent,
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', chunk => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close() {
    this.agent.destroy();
  }
}
