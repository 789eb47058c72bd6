/**
 * Whether a compact JWS/JWT is written canonically: three segments, each the one base64url
 * spelling of its bytes. Base64url leaves a few spare bits in the last character, so a changed
 * last character can decode to the same signature; such a token is a copy with a scratch on it,
 * not the token that was issued, and is refused rather than believed.
 */
export function isCanonicalCompactJws(token: string): boolean {
  const segments = token.split('.');
  return segments.length === 3 && segments.every((segment) => Buffer.from(segment, 'base64url').toString('base64url') === segment);
}
