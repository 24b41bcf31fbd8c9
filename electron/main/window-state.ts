import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';

const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
type WindowState = z.infer<typeof WindowState>;

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

/** Remembers size, position and maximized state in the data folder. */
export function loadWindowState(dataDir: string): WindowState {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(stateFile(dataDir), 'utf8')));
    if (!parsed.success) return DEFAULT_STATE;
    return isVisibleOnSomeDisplay(parsed.data) ? parsed.data : { ...parsed.data, x: undefined, y: undefined };
  } catch {
    return DEFAULT_STATE;
  }
}

export function trackWindowState(win: BrowserWindow, dataDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: win.isMaximized() };
    try {
      writeFileSync(stateFile(dataDir), JSON.stringify(state));
    } catch {
      // Losing the window position is harmless; never let it interrupt the user.
    }
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}

function stateFile(dataDir: string): string {
  return join(dataDir, 'window-state.json');
}

function isVisibleOnSomeDisplay(state: WindowState): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const rect: Rectangle = { x: state.x, y: state.y, width: state.width, height: state.height };
  return screen.getAllDisplays().some(({ workArea }) =>
    rect.x < workArea.x + workArea.width &&
    rect.x + rect.width > workArea.x &&
    rect.y < workArea.y + workArea.height &&
    rect.y + rect.height > workArea.y,
  );
}
