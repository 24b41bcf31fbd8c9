import './zod-jitless';
import '@fontsource-variable/inter';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useHoldingsStore } from './features/holdings/holdingsStore';
import { useNavigation } from './navigation/navigation';
import { applyLanguage } from './app/useLanguage';
import { FALLBACK_LOCALE, useSettingsStore } from './stores/settingsStore';
import { warmNumberFormats } from './ui/format';

/**
 * How long the first frame waits for the first screen's answers. The table usually comes back
 * while React would be drawing the empty shell; drawing it once with the rows saves laying the page
 * out twice. A slow backend (first start on a large history) gets the shell after this.
 */
const FIRST_FRAME_WAIT_MS = 250;

// The first screen's data and the settings (language, number format) are asked for before React's
// first render: the backend computes the table while the page builds, and the screen takes the
// answer already on its way.
const firstAnswers = Promise.all([
  useSettingsStore.getState().load(),
  useNavigation.getState().screen === 'holdings' ? useHoldingsStore.getState().load() : undefined,
]);
// Meanwhile the browser loads its number-format data, which it does on first use (tens of ms).
warmNumberFormats(FALLBACK_LOCALE);

function render(): void {
  const settings = useSettingsStore.getState().settings;
  // The first frame already in the reader's language, instead of a second render when the hook sees it.
  if (settings) applyLanguage(settings.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void Promise.race([firstAnswers, new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS))]).then(render);
