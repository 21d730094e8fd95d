// The sandboxed preload: bundled to one CommonJS file (out/preload/preload.cjs),
// because a sandboxed preload can only require('electron') and a few built-ins.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeSkimmerApi } from './bridge';

exposeSkimmerApi(contextBridge, ipcRenderer);
