/** Light ↔ dark; from "match the system" it switches to the opposite of what is shown now. */
export function nextTheme(current: 'system' | 'light' | 'dark', systemPrefersDark: boolean): 'light' | 'dark' {
  const shown = current === 'system' ? (systemPrefersDark ? 'dark' : 'light') : current;
  return shown === 'dark' ? 'light' : 'dark';
}
