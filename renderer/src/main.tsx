import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startBootRequests } from './api';
import { I18nProvider } from './i18n/I18nProvider';
import './styles/tokens.css';
import './styles/app.css';
import './styles/korean.css';

startBootRequests();
const root = document.getElementById('root');
if (!root) throw new Error('Skimmer: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
