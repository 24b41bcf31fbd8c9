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

// The first screen's data is asked for before React's first render: the backend computes the
// table while the page builds, and the screen takes the answer already on its way.
if (useNavigation.getState().screen === 'holdings') void useHoldingsStore.getState().load();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
