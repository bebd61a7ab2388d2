import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { catchError, EMPTY, filter, map, of, switchMap } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import { Role, SessionStore } from '../auth/session';
import { PaymentsService } from '../payments/payments.service';
import { ConfirmDialog, ConfirmDialogData, ConfirmDialogResult } from '../shared/confirm-dialog';
import { describeHttpError } from '../shared/http-error';

interface NavLink {
  path: string;
  label: string;
  icon: string;
  roles: Role[];
}

const NAV_LINKS: NavLink[] = [
  { path: '/dashboard', label: 'Dashboard', icon: 'insights', roles: ['admin', 'finance', 'merchant'] },
  { path: '/payments', label: 'Payments', icon: 'receipt_long', roles: ['admin', 'finance', 'merchant'] },
  { path: '/review', label: 'Review queue', icon: 'fact_check', roles: ['admin', 'finance'] },
];

/** The signed-in frame: navigation for the user's role, the account menu and the routed page. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly payments = inject(PaymentsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(SessionStore);

  protected readonly email = this.session.email;
  protected readonly role = this.session.role;
  protected readonly isMerchant = computed(() => this.session.hasRole('merchant'));
  protected readonly links = computed(() => NAV_LINKS.filter((link) => this.session.hasRole(...link.roles)));
  protected readonly handset = toSignal(
    inject(BreakpointObserver).observe('(max-width: 720px)').pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected logout(): void {
    this.auth.logout().subscribe();
  }

  /** Asks for confirmation, naming the account and how many payments go with it, then deletes both. */
  protected deleteAccount(): void {
    this.payments
      .list({ page: 1, limit: 1 })
      .pipe(
        map((page) => page.total),
        catchError(() => of(null)),
        switchMap((count) => this.confirmDeletion(count)),
        switchMap(() =>
          this.auth.deleteAccount().pipe(
            catchError((error: unknown) => {
              this.snackBar.open(`The account was not deleted. ${describeHttpError(error)}`, 'Dismiss');
              return EMPTY;
            }),
          ),
        ),
      )
      .subscribe();
  }

  private confirmDeletion(paymentCount: number | null) {
    const payments =
      paymentCount === null
        ? 'every payment it created'
        : `the ${paymentCount} payment${paymentCount === 1 ? '' : 's'} it created`;
    const data: ConfirmDialogData = {
      title: 'Delete your account?',
      message: `This deletes the account ${this.email()} and ${payments}, for good. You will be signed out.`,
      confirmLabel: 'Delete account',
      destructive: true,
    };

    return this.dialog
      .open<ConfirmDialog, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialog, { data, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((result): result is ConfirmDialogResult => !!result));
  }
}
