import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { decodeScenario } from '../scenario/url';
import type { FieldError, Scenario } from '../scenario/types';
import { SimStoreContext } from '../store/react';
import { createSimStore } from '../store/simStore';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { Screens } from './Screens';
import { exposeStore } from './testHook';
import './styles.css';
// After the base styles: where the panels go, on a projector and on a phone.
import './layout/layout.css';
import './phone.css';

/** A scenario in the page's hash (`#v=1&alg=lcr&n=8…`) opens that run; otherwise the default. */
function fromLocation(): { scenario?: Scenario; errors: FieldError[] } {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) return { errors: [] };
  const r = decodeScenario(hash);
  return r.ok ? { scenario: r.value, errors: [] } : { errors: r.errors };
}

const initial = fromLocation();
const store = createSimStore(initial.scenario ? { scenario: initial.scenario } : {});
if (initial.errors.length)
  store.setState({
    errors: initial.errors,
    notice: 'The link could not be read; the default scenario is loaded instead.',
  });
exposeStore(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary name="Leader Election Lab">
      <SimStoreContext.Provider value={store}>
        <Screens simulator={<App />} />
      </SimStoreContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);
