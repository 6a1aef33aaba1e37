/**
 * Renderer entry. It asks for the views (register-views.ts, most of the code, a separate chunk)
 * and starts the window's project model (the event stream opens, the project's lists and first
 * document are asked for): the reads travel while that code loads and is parsed, instead of after.
 * The model asks for a document's whole annotation list only once the views have painted its first
 * screens (window-model.ts). The shell takes the started model.
 */
import { startWindowModel } from './model/window-model'

const views = import('./register-views')
startWindowModel(views)
