import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and shared pieces first, so each component's own file can refine them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/empty-state.css';
import './styles/dialog.css';
import { App } from './App';
import { startBootRequests } from './api';

startBootRequests();
const root = document.getElementById('root');
if (!root) throw new Error('Skimmer: #root element missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
