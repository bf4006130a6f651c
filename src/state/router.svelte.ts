import { parseRoute, href, type Route } from './routes';

class Router {
  #route = $state<Route>({ name: 'home' });

  constructor() {
    if (typeof window !== 'undefined') {
      this.#route = parseRoute(window.location.hash);
      window.addEventListener('hashchange', () => {
        this.#route = parseRoute(window.location.hash);
      });
    }
  }

  get route(): Route {
    return this.#route;
  }

  go(route: Route): void {
    window.location.hash = href(route);
  }
}

export const router = new Router();
