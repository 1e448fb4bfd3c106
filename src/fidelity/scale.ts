/**
 * The IPS-25 fidelity scale (Becker, Swanson, Reese, Bond, McLeman, "Supported Employment
 * Fidelity Review Manual"): 25 items, each rated 1–5, so a complete rating totals 25–125.
 */

/** Number of items on the IPS-25 scale, numbered 1 … 25. */
export const ITEM_COUNT = 25;
/** Lowest and highest score of one item. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** Lowest and highest total of a complete rating (all 25 items). */
export const TOTAL_MIN = ITEM_COUNT * SCORE_MIN;
export const TOTAL_MAX = ITEM_COUNT * SCORE_MAX;
