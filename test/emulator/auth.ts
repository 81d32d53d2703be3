// Bearer-token check of the API server: no or an empty token is 401 missing_api_key, an unknown one 401
// invalid_api_key.

export type AuthResult =
  { ok: true; token: string } | { ok: false; code: 'missing_api_key' | 'invalid_api_key'; message: string }

/** `accepted` undefined = any non-empty token is valid. */
export function authenticate(header: string | undefined, accepted: readonly string[] | undefined): AuthResult {
  const m = /^Bearer(?:\s+(.*))?$/i.exec(header?.trim() ?? '')
  const token = m?.[1]?.trim()
  if (!token)
    return {
      ok: false,
      code: 'missing_api_key',
      message: 'Missing API key. Send it as "Authorization: Bearer <API key>".',
    }
  if (accepted && !accepted.includes(token))
    return { ok: false, code: 'invalid_api_key', message: 'API key is invalid or has been revoked.' }
  return { ok: true, token }
}
