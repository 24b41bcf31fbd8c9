import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type CallResult, type TickerlineBridge } from '@shared/api/transport';

/**
 * The renderer's only door: two fixed channels, no raw ipcRenderer, no Node.
 * Runs sandboxed, so it is bundled to one CommonJS file.
 */
const bridge: TickerlineBridge = {
  call: (method, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input) as Promise<CallResult>,
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
