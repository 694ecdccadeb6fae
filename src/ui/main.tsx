import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Shell() {
  return (
    <main>
      <h1>Leader Election Lab</h1>
      <p>The simulator view is being built.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shell />
  </StrictMode>,
);
