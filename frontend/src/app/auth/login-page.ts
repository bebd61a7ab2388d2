import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';

import { applyServerErrors, controlMessage, formErrorSummary } from '../shared/form-errors';
import { AuthService } from './auth.service';
import { landingPath } from './session';

const NOTICES: Record<string, string> = {
  expired: 'Your session has ended. Sign in again to continue.',
  deleted: 'Your account and its payments have been deleted.',
  registered: 'Your account is ready. Sign in with your new password.',
};

/** Returns `url` when it is a path inside this app, so that a crafted link cannot send users elsewhere. */
export function safeReturnUrl(url: string | null): string | null {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/login')) {
    return null;
  }

  return url;
}

@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './login-page.html',
  styleUrl: './auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal('');
  protected readonly notice = NOTICES[this.route.snapshot.queryParamMap.get('reason') ?? ''] ?? '';
  protected readonly controlMessage = controlMessage;

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) {
      return;
    }

    const { email, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set('');

    this.auth.login(email.trim(), password).subscribe({
      next: (session) => {
        const returnUrl = safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'));
        void this.router.navigateByUrl(returnUrl ?? landingPath(session.role));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const unmatched = applyServerErrors(this.form, error);
        this.error.set(formErrorSummary(error, unmatched));
      },
    });
  }
}
