// Hash routing: the app works from any static host and sub-path. A route is a parsed
// `location.hash`; query parameters may follow the path inside the hash (`#/learn/x/2?layer=1`).

export type Route =
  | { name: 'home' }
  | { name: 'lesson'; slug: string; step: number }
  | { name: 'playground' }
  | { name: 'gallery' }
  | { name: 'models' }
  | { name: 'glossary' }
  | { name: 'references' }
  | { name: 'not-found'; path: string };

export interface Location {
  route: Route;
  params: URLSearchParams;
}

const SLUG = /^[a-z0-9-]{1,64}$/;

/** Parses a hash such as `#/learn/self-attention/3?head=1` into a route and its parameters. */
export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)) || '/';
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter(Boolean);
  const route = routeOf(parts, path);
  return { route, params };
}

function routeOf(parts: string[], path: string): Route {
  if (parts.length === 0) return { name: 'home' };
  const [head, ...rest] = parts;
  if (rest.length === 0) {
    if (head === 'playground' || head === 'gallery' || head === 'models' || head === 'glossary' || head === 'references')
      return { name: head };
  }
  if (head === 'learn' && rest.length >= 1 && rest.length <= 2 && SLUG.test(rest[0])) {
    // Plain decimal digits only: Number() would also read "0x2", "1e2", " 2" or "2.0".
    const step = rest.length === 2 ? (/^\d{1,3}$/.test(rest[1]) ? Number(rest[1]) : NaN) : 1;
    if (Number.isInteger(step) && step >= 1 && step <= 999) return { name: 'lesson', slug: rest[0], step };
  }
  return { name: 'not-found', path: path.slice(0, 200) };
}

/** The hash for a route (inverse of parseHash for the route part). */
export function hashOf(route: Route, params?: URLSearchParams): string {
  let path: string;
  switch (route.name) {
    case 'home':
      path = '/';
      break;
    case 'lesson':
      path = `/learn/${route.slug}/${route.step}`;
      break;
    case 'not-found':
      path = route.path;
      break;
    default:
      path = `/${route.name}`;
  }
  const query = params && [...params.keys()].length > 0 ? `?${params.toString()}` : '';
  return `#${path}${query}`;
}
