import { useEffect } from 'react';
import { useNavigation } from '@renderer/app/navigation';
import { useImportInbox } from './inbox';

/**
 * Files dropped anywhere on the window go to the Import screen's inbox, where
 * the matching panel picks them up. Without this, Chromium would navigate to
 * the dropped file.
 */
export function useWindowDrop(): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent): void => {
      const files = event.dataTransfer?.files;
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
