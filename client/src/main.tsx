import './shared/base.css';
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

/**
 * A rater's link (/s/:token) gets the answer page alone — no router, no i18next,
 * nothing of the console — so a phone on a slow network downloads as little as
 * possible. Every other path is the console's router.
 */
const page: Promise<{ Component: ComponentType }> = /^\/s\/[^/]+\/?$/.test(window.location.pathname)
  ? import('./answer/AnswerPage')
  : import('./router');

page.then(
  ({ Component }) =>
    root.render(
      <StrictMode>
        <Component />
      </StrictMode>,
    ),
  // Usually a chunk that a redeploy removed, or the network dropped: a reload fixes both.
  () =>
    root.render(
      <p className="plain-message" role="alert">
        <a href="">页面加载失败，请点此刷新。 Could not load the page; tap here to reload.</a>
      </p>,
    ),
);
