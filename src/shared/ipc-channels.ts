/** IPC channel names shared by the preload and the main process's IPC transport. */
export const CALL_CHANNEL = 'marginalia:call'
export const CHANGE_CHANNEL = 'marginalia:change'
/** Desktop only: the native folder chooser (the one thing the browser mode has no equivalent for). */
export const PICK_FOLDER_CHANNEL = 'marginalia:pick-folder'
