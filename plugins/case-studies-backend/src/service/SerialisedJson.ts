import { createHash } from 'crypto';
import type express from 'express';
import { gzipSync } from 'zlib';

/**
 * A JSON body serialised once and sent many times: the bytes, a strong ETag
 * and, made on first demand, the gzipped bytes.
 *
 * Why: guidance and knowledge responses are 100–200 KB and the same for many
 * requests. Sent with `res.json`, every request would serialise, convert to
 * bytes, hash for the ETag and gzip (the compression middleware) again, which
 * costs more CPU than everything else the request does.
 */
export class SerialisedJson {
  readonly body: Buffer;
  readonly etag: string;
  private gzipped?: Buffer;

  constructor(value: unknown) {
    this.body = Buffer.from(JSON.stringify(value), 'utf8');
    this.etag = `"${createHash('sha1').update(this.body).digest('base64url')}"`;
  }

  /** The body gzipped, made once. */
  gzip(): Buffer {
    if (!this.gzipped) this.gzipped = gzipSync(this.body);
    return this.gzipped;
  }

  /**
   * Sends the body: 304 when the client already holds this version
   * (`If-None-Match`), gzipped when the client accepts it (the compression
   * middleware leaves a body that already has a `Content-Encoding` alone).
   */
  send(req: express.Request, res: express.Response): void {
    res.setHeader('ETag', this.etag);
    // The client may keep it, but must ask again (the ETag makes that cheap).
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type('application/json');
    const gzipped = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    if (gzipped) res.setHeader('Content-Encoding', 'gzip');
    const bytes = gzipped ? this.gzip() : this.body;
    // Set explicitly: the compression middleware sends the headers before
    // the body, which would otherwise make the response chunked.
    res.setHeader('Content-Length', bytes.length);
    res.end(bytes);
  }
}
