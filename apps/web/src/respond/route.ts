/** Which survey the address asks for: /s/<slug> is a public or kiosk link, /r/<token> a personal invitation. */

export type RespondRoute =
  | { kind: "link"; slug: string; requestedLanguage: string | null }
  | { kind: "invitation"; token: string; requestedLanguage: string | null };

/** Slugs and tokens are URL-safe base64-ish; anything else is not one of ours (and never reaches the API). */
const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Reads the route from a location's path and query.
 * @returns the route, or null when the path is not a respondent address.
 * @example parseRespondRoute("/s/Ab3dE5gH7k", "?lang=en") // { kind: "link", slug: "Ab3dE5gH7k", requestedLanguage: "en" }
 */
export function parseRespondRoute(pathname: string, search: string): RespondRoute | null {
  const match = /^\/([sr])\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  let segment: string;
  try {
    segment = decodeURIComponent(match[2]);
  } catch {
    return null;
  }
  if (!SAFE_SEGMENT.test(segment)) return null;
  const requestedLanguage = new URLSearchParams(search).get("lang");
  return match[1] === "s"
    ? { kind: "link", slug: segment, requestedLanguage }
    : { kind: "invitation", token: segment, requestedLanguage };
}

/** The slug-or-token part of public API bodies (ResponseSubmit, DraftSave). */
export function routeReference(route: RespondRoute): { slug: string } | { token: string } {
  return route.kind === "link" ? { slug: route.slug } : { token: route.token };
}

/** A short name for the route, used in storage keys. */
export function routeId(route: RespondRoute): string {
  return route.kind === "link" ? `s:${route.slug}` : `r:${route.token}`;
}
