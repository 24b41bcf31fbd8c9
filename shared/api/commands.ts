import { z } from 'zod';
import type { ImportKind } from './files';

/**
 * Commands the desktop shell sends the UI (as the `app.command` event): menu
 * items that need a screen, and files picked in a native dialog. Main builds
 * the menu from these, the preload passes them on, the renderer switches on
 * them. A new menu command is added here first.
 */
export const APP_COMMANDS = [
  'import-prices',
  'import-news',
  'import-transactions',
  'restore',
  'export',
  'backup',
  'toggle-theme',
  'navigate:holdings',
  'navigate:charts',
  'navigate:income',
  'navigate:news',
  'navigate:import',
  'navigate:settings',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
export const AppCommand = z.enum(APP_COMMANDS);

/** The command that carries files picked for an import of this kind. */
export const IMPORT_COMMANDS = {
  prices: 'import-prices',
  news: 'import-news',
  transactions: 'import-transactions',
} as const satisfies Record<ImportKind, AppCommand>;

/** The import kind a command's files are for, or null for other commands. */
export function importKindOf(command: AppCommand): ImportKind | null {
  const entry = Object.entries(IMPORT_COMMANDS).find(([, c]) => c === command);
  return entry ? (entry[0] as ImportKind) : null;
}

/** The screen a navigate:… command opens, or null for other commands. */
export function navigationTarget(command: AppCommand): string | null {
  return command.startsWith('navigate:') ? command.slice('navigate:'.length) : null;
}
