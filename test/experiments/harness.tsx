import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ExperimentsPanel } from '../../src/ui/experiments/ExperimentsPanel';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <ExperimentsPanel />
    </main>
  </StrictMode>,
);
