import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { FileName } from '@shared/api/files';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_STAGE_CHANNEL, type CallResult } from '@shared/api/transport';
import { AppError } from '@shared/domain/common/errors';
import type { Backend } from '@backend/backend';
import { BusyCalls } from './busy-calls';
import { isAppOrigin } from './security';

/**
 * Binds the router to one IPC channel, answering only our own top-level frame.
 * Returns the calls in flight, which quitting waits for before it closes the database.
 */
export function bindIpc(backend: Backend, devServerUrl: string | undefined): BusyCalls {
  const busy = new BusyCalls();
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the Tickerline window.' } } satisfies CallResult;
    }
    const name = typeof method === 'string' ? method : '';
    const done = busy.start(name);
    try {
      return await backend.dispatch(name, input);
    } finally {
      done();
    }
  });
  // A dropped or chosen file's bytes, staged once; the page then names it by its id.
  ipcMain.handle(IPC_STAGE_CHANNEL, (event: IpcMainInvokeEvent, fileName: unknown, bytes: unknown): CallResult => {
    if (!isTrustedSender(event, devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the Tickerline window.' } };
    }
    const name = FileName.safeParse(fileName);
    if (!name.success || !(bytes instanceof Uint8Array)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'A file to stage needs a name and its bytes.' } };
    }
    try {
      return { ok: true, value: backend.context.staging.put(name.data, bytes) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toJSON() };
      throw error;
    }
  });
  return busy;
}

export function forwardEvents(backend: Backend, windows: () => BrowserWindow[]): () => void {
  return backend.subscribe((event, payload) => {
    for (const win of windows()) {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
  });
}

function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppOrigin(frame.url, devServerUrl);
}
