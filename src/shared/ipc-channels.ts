/** IPC channel names shared by the preload and the main process's IPC transport. */
export const CALL_CHANNEL = 'marginalia:call'
export const CHANGE_CHANNEL = 'marginalia:change'
