import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { StagedFile } from '@shared/api/files';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_STAGE_CHANNEL, type CallResult, type TickerlineBridge } from '@shared/api/transport';

/**
 * The renderer's only door: three fixed channels (calls, events, staging a file's bytes),
 * no raw ipcRenderer, no Node.
 * Runs sandboxed, so it is bundled to one CommonJS file.
 */
const bridge: TickerlineBridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input) as Promise<CallResult>,
  // Bytes cross as a structured clone (no base64); the backend keeps them under an id.
  stage: (fileName, bytes) => ipcRenderer.invoke(IPC_STAGE_CHANNEL, fileName, bytes) as Promise<CallResult<StagedFile>>,
  on: (listener) => {
    const wrapped = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('tickerline', bridge);
