/**
 * Hands a file the extension made (backup, CSV, calendar) to the browser's download, from an
 * extension page. No network: the file is a local blob URL, released once the download started.
 */
export interface TextFile {
  name: string;
  text: string;
  /** e.g. 'application/json', 'text/csv;charset=utf-8', 'text/calendar;charset=utf-8'. */
  type: string;
}

export const MIME = {
  backup: 'application/json',
  csv: 'text/csv;charset=utf-8',
  calendar: 'text/calendar;charset=utf-8',
} as const;

export function downloadTextFile(document: Document, file: TextFile): void {
  const view = document.defaultView;
  if (!view) throw new Error('downloadTextFile needs a document shown in a window');
  const url = view.URL.createObjectURL(new view.Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers: let it start first.
    view.setTimeout(() => view.URL.revokeObjectURL(url), 0);
  }
}
