import { useEffect } from 'react';
import { useNavigation } from '@renderer/navigation/navigation';
import { linkFile } from '@renderer/features/news/newsImportStore';
import { useImportInbox } from '@renderer/stores/importInbox';

/** The link and its title from a drag out of the address bar or a page: Firefox sends both in text/x-moz-url, Chromium the title in text/html. */
function droppedLink(data: DataTransfer): { url: string; title: string } | null {
  const moz = data.getData('text/x-moz-url').split(/\r?\n/);
  const url = (moz[0] || data.getData('text/uri-list').split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) || '').trim();
  if (!/^https?:\/\//i.test(url)) return null;
  const html = data.getData('text/html');
  const anchor = html ? new DOMParser().parseFromString(html, 'text/html').querySelector('a')?.textContent?.trim() : '';
  return { url, title: moz[1]?.trim() || anchor || '' };
}

/**
 * Files dropped anywhere on the window go to the Import screen's inbox, where
 * the matching panel picks them up. Without this, Chromium would navigate to
 * the dropped file.
 */
export function useWindowDrop(): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent): void => {
      const types = event.dataTransfer?.types ?? [];
      if (types.includes('Files') || types.includes('text/uri-list')) event.preventDefault();
    };
    const onDrop = (event: DragEvent): void => {
      const files = event.dataTransfer?.files;
      if ((!files || files.length === 0) && event.dataTransfer) {
        const link = droppedLink(event.dataTransfer);
        if (!link) return;
        event.preventDefault();
        // A link is news: the preview offers it dated today, for the user to set the real date.
        void useImportInbox.getState().add([linkFile(link.url, link.title)], 'news');
        useNavigation.getState().go('import');
        return;
      }
      if (!files || files.length === 0) return;
      event.preventDefault();
      void useImportInbox.getState().add([...files]);
      useNavigation.getState().go('import');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
