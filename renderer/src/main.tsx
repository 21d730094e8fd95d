import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and shared pieces first, so each component's own file can refine them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/empty-state.css';
import './styles/dialog.css';
import './styles/korean.css';
import { App } from './App';
import { startBootRequests } from './api';
import { I18nProvider } from './i18n/I18nProvider';
import { applySystemTheme } from './state/view-settings';

startBootRequests();
// Before the first paint, so a dark OS never sees a light frame while the stored theme loads.
applySystemTheme();
const root = document.getElementById('root');
if (!root) throw new Error('Skimmer: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
