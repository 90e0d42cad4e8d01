/** Saves bytes or text as a file through a temporary object URL (no inline script, CSP-safe). */
export function saveFile(content: Uint8Array | string, fileName: string, mime: string): void {
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';
