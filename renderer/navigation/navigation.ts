import { create } from 'zustand';

export const SCREENS = ['holdings', 'charts', 'income', 'news', 'import', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

interface NavigationState {
  screen: Screen;
  /** Extra state in the hash, e.g. #/news?event=12 */
  params: Record<string, string>;
  go(screen: Screen, params?: Record<string, string>): void;
}

function parseHash(hash: string): { screen: Screen; params: Record<string, string> } {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const screen = (SCREENS as readonly string[]).includes(path) ? (path as Screen) : 'holdings';
  return { screen, params: Object.fromEntries(new URLSearchParams(query)) };
}

function toHash(screen: Screen, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return `#/${screen}${query ? `?${query}` : ''}`;
}

// Below both renderer/app (which draws the screen named here) and the features (which send
// the user to another screen): neither imports the other for it. ESLint keeps it so.
/** The current screen lives in the URL hash so reloads and back/forward keep it. */
export const useNavigation = create<NavigationState>((set) => ({
  ...parseHash(window.location.hash),
  go(screen, params = {}) {
    const hash = toHash(screen, params);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ screen, params });
  },
}));

window.addEventListener('hashchange', () => {
  useNavigation.setState(parseHash(window.location.hash));
});
