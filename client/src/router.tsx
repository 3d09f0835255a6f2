import { createBrowserRouter, redirect } from 'react-router';
import { NotFoundPage } from './shared/NotFoundPage';
import { PageLoading } from './shared/PageLoading';
import { RouteErrorPage } from './shared/RouteErrorPage';

/**
 * Every page is a lazy route. The public answering area (/s/:token) and the
 * antd console (/login, /admin) never import each other, so a rater opening
 * a link downloads none of the console code.
 */
export const router = createBrowserRouter([
  {
    id: 'root',
    hydrateFallbackElement: <PageLoading />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, loader: () => redirect('/admin') },
      { path: 's/:token', lazy: () => import('./answer/AnswerPage') },
      { path: 'login', lazy: () => import('./admin/LoginPage') },
      {
        id: 'admin',
        path: 'admin',
        lazy: () => import('./admin/AdminShell'),
        children: [
          { index: true, lazy: () => import('./admin/pages/OverviewPage') },
          { path: 'users', lazy: () => import('./admin/pages/UsersPage') },
          { path: 'audit', lazy: () => import('./admin/pages/AuditPage') },
          { path: '*', lazy: () => import('./admin/pages/ConsoleNotFoundPage') },
        ],
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
