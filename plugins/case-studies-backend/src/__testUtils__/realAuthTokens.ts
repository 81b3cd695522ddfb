import { createHmac, generateKeyPairSync, KeyObject, sign } from 'node:crypto';

/*
 * Hand-made JWTs for the authorisation proof: the tokens an attacker can
 * produce (a changed payload under the original signature, another key,
 * `alg: none`, HMAC with the public key) and an expired one signed with the
 * backend's own key. Only node:crypto, so each byte is what the test says.
 */

export type JwtHeader = Record<string, unknown>;
export type JwtPayload = Record<string, unknown>;

const encodePart = (part: object) =>
  Buffer.from(JSON.stringify(part)).toString('base64url');

const decodePart = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** A token's header and payload, as sent. */
export function decodeJwt(token: string): {
  header: JwtHeader;
  payload: JwtPayload;
  signature: string;
} {
  const [header, payload, signature] = token.split('.');
  return {
    header: decodePart(header),
    payload: decodePart(payload),
    signature,
  };
}

/** An ES256 (P-256) key pair, with PEM files' contents for a static key store. */
export function newEs256Key() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
  });
  return {
    privateKey,
    publicKey,
    privateKeyPem: privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The raw ES256 signature (r || s, base64url) of a JWS signing input. */
function es256Signature(signingInput: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(signingInput), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64url');
}

/** A JWT signed with ES256; the header's `alg` is set to ES256. */
export function signEs256(
  header: JwtHeader,
  payload: JwtPayload,
  privateKey: KeyObject,
): string {
  const input = `${encodePart({ ...header, alg: 'ES256' })}.${encodePart(
    payload,
  )}`;
  return `${input}.${es256Signature(input, privateKey)}`;
}

/**
 * A token as the Backstage auth backend issues it (typ vnd.backstage.user,
 * with the `uip` proof the backend needs to call other plugins on the user's
 * behalf), signed with the given key.
 */
export function signUserToken(options: {
  privateKey: KeyObject;
  kid: string;
  payload: JwtPayload & { sub: string; iat: number; exp: number };
}): string {
  const { privateKey, kid, payload } = options;
  const limitedInput = `${encodePart({
    typ: 'vnd.backstage.limited-user',
    alg: 'ES256',
    kid,
  })}.${encodePart({ sub: payload.sub, iat: payload.iat, exp: payload.exp })}`;
  return signEs256(
    { typ: 'vnd.backstage.user', kid },
    { ...payload, uip: es256Signature(limitedInput, privateKey) },
    privateKey,
  );
}

/** The token with its payload changed and its original header and signature. */
export function withChangedPayload(
  token: string,
  change: (payload: JwtPayload) => JwtPayload,
): string {
  const [header, payload, signature] = token.split('.');
  return [header, encodePart(change(decodePart(payload))), signature].join('.');
}

/** The token's header and payload re-signed by another key (same header, so same `kid` unless changed). */
export function resignedWith(
  token: string,
  privateKey: KeyObject,
  headerChange: (header: JwtHeader) => JwtHeader = header => header,
): string {
  const { header, payload } = decodeJwt(token);
  return signEs256(headerChange(header), payload, privateKey);
}

/** The token declared unsigned: `alg: none` and an empty signature. */
export function unsecured(
  token: string,
  change: (payload: JwtPayload) => JwtPayload = payload => payload,
): string {
  const { header, payload } = decodeJwt(token);
  return `${encodePart({ ...header, alg: 'none' })}.${encodePart(
    change(payload),
  )}.`;
}

/** The key-confusion attack: HS256 with the server's public key (PEM) as the secret. */
export function hmacWithPublicKey(token: string, publicKeyPem: string): string {
  const { header, payload } = decodeJwt(token);
  const input = `${encodePart({ ...header, alg: 'HS256' })}.${encodePart(
    payload,
  )}`;
  const signature = createHmac('sha256', publicKeyPem)
    .update(input)
    .digest('base64url');
  return `${input}.${signature}`;
}

/** The limited user token hidden in a user token's `uip` claim, as a bearer of its own. */
export function limitedTokenOf(token: string): string {
  const { header, payload } = decodeJwt(token);
  return [
    encodePart({
      typ: 'vnd.backstage.limited-user',
      alg: header.alg,
      kid: header.kid,
    }),
    encodePart({ sub: payload.sub, iat: payload.iat, exp: payload.exp }),
    payload.uip,
  ].join('.');
}
