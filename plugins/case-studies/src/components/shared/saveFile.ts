import type { DownloadedFile } from '../../api';

/**
 * Hands a file the frontend fetched (with the user's credentials, which a
 * plain link would not send) to the browser to save under its name.
 */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  // Firefox saves only from links that are in the document
  document.body.appendChild(link);
  link.click();
  link.remove();
  // once the click is handled the download holds its own reference
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
