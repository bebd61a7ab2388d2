import { Routes } from '@angular/router';

import { authGuard, guestGuard, redirectToLanding, roleGuard } from './auth/auth.guards';

export const routes: Routes = [
  {
    path: 'login',
    title: 'Sign in · Paygate',
    canActivate: [guestGuard],
    loadComponent: () => import('./auth/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'register',
    title: 'Create an account · Paygate',
    canActivate: [guestGuard],
    loadComponent: () => import('./auth/register-page').then((m) => m.RegisterPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: redirectToLanding },
      {
        path: 'dashboard',
        title: 'Dashboard · Paygate',
        canActivate: [roleGuard('admin', 'finance', 'merchant')],
        loadComponent: () => import('./analytics/dashboard-page').then((m) => m.DashboardPage),
      },
      {
        path: 'payments',
        title: 'Payments · Paygate',
        canActivate: [roleGuard('admin', 'finance', 'merchant')],
        loadComponent: () => import('./payments/payment-list-page').then((m) => m.PaymentListPage),
      },
      {
        path: 'payments/:id',
        title: 'Payment · Paygate',
        canActivate: [roleGuard('admin', 'finance', 'merchant')],
        loadComponent: () => import('./payments/payment-detail-page').then((m) => m.PaymentDetailPage),
      },
      {
        path: 'review',
        title: 'Review queue · Paygate',
        canActivate: [roleGuard('admin', 'finance')],
        data: { queue: true },
        loadComponent: () => import('./payments/payment-list-page').then((m) => m.PaymentListPage),
      },
      {
        path: '**',
        title: 'Not found · Paygate',
        loadComponent: () => import('./shell/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
