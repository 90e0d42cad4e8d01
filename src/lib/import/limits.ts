/**
 * Hard limits checked before any expensive parsing, so a huge or hostile file is refused in
 * milliseconds instead of freezing the browser tab or the CLI. A real template has at most 108 data
 * rows (the 2016 vintage) and weighs a few tens of kilobytes, so these leave ample room.
 */

/** Largest accepted file, in bytes (5 MiB). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Largest number of data rows (below the header) accepted in one file. */
export const MAX_DATA_ROWS = 1000;

/** Largest number of columns read from the header row. */
export const MAX_COLUMNS = 200;

/** Longest accepted text in one cell; longer text is refused, never silently cut. */
export const MAX_CELL_CHARS = 500;

/**
 * Largest total uncompressed size of the XLSX parts (XML inside the zip), in bytes. XML compresses
 * 10–100×, so a file under MAX_FILE_BYTES can still expand to hundreds of megabytes (a "zip bomb", or
 * simply 200 000 rows); this is checked from the zip directory before the workbook is parsed.
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 8 * 1024 * 1024;
