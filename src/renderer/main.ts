/**
 * Renderer entry. It starts the window's project model first (the event stream opens, the project's
 * lists and first document are asked for), then loads the views (register-views.ts, most of the
 * code) as a separate chunk: the reads travel while that code loads and is parsed, instead of
 * after. The shell takes the started model (window-model.ts).
 */
import { startWindowModel } from './model/window-model'

startWindowModel()
void import('./register-views')
