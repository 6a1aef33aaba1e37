/**
 * Kept only while the renderer still imports this path: the colors live in src/shared/colors.ts
 * (one module, one spelling). Delete this file once src/renderer/ imports src/shared/colors.ts.
 */
import { ENTITY_TYPE_COLORS, entityTypeColor } from '../colors'

/** @deprecated use ENTITY_TYPE_COLORS from src/shared/colors.ts */
export const ENTITY_TYPE_COLOURS = ENTITY_TYPE_COLORS
/** @deprecated use entityTypeColor from src/shared/colors.ts */
export const solidColour = entityTypeColor
