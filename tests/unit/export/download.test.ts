import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadTextFile, MIME } from '../../../lib/export/download';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('downloading a file the extension made', () => {
  it('clicks a hidden link to a local blob holding the text, then cleans up', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:postulo/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });

    downloadTextFile(document, { name: 'postulo.csv', text: '\uFEFFIntitulé;Employeur\r\n', type: MIME.csv });

    expect(clicked).toEqual([{ href: 'blob:postulo/1', download: 'postulo.csv' }]);
    expect(document.querySelector('a[download]')).toBeNull();
    const [blob] = blobs;
    if (!blob) throw new Error('no blob was made');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(revoke).toHaveBeenCalledWith('blob:postulo/1');
  });
});
