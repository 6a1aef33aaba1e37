/** The application menu. Undo/redo are left to the renderer's Ctrl+Z / Ctrl+Shift+Z, which call the services. */
import { Menu, type MenuItemConstructorOptions } from 'electron'

export function buildMenu(actions: { openProject(): void }): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        { type: 'separator' },
        { role: 'quit' }
      ]
    },
    { label: 'Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'resetZoom' }, { role: 'togglefullscreen' }] }
  ]
  return Menu.buildFromTemplate(template)
}
