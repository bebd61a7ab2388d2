import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { switchMap } from 'rxjs';

import { applyServerErrors, controlMessage, formErrorSummary } from '../shared/form-errors';
import { errorEnvelope } from '../shared/http-error';
import { AuthService } from './auth.service';
import { landingPath } from './session';

/** Validates the repeated password against its sibling `password` control. */
function matchesPassword(control: AbstractControl): ValidationErrors | null {
  const password = control.parent?.get('password')?.value as string | undefined;
  if (password === undefined || control.value === password) {
    return null;
  }

  return { invalid: 'The passwords do not match.' };
}

@Component({
  selector: 'app-register-page',
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
  templateUrl: './register-page.html',
  styleUrl: './auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.minLength(8)]],
    confirmation: ['', [Validators.required, matchesPassword]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal('');
  protected readonly controlMessage = controlMessage;

  protected submit(): void {
    this.form.controls.confirmation.updateValueAndValidity();
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) {
      return;
    }

    const { email, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set('');

    this.auth
      .register(email.trim(), password)
      .pipe(switchMap(() => this.auth.login(email.trim(), password)))
      .subscribe({
        next: (session) => void this.router.navigateByUrl(landingPath(session.role)),
        error: (error: unknown) => this.showError(error),
      });
  }

  private showError(error: unknown): void {
    this.submitting.set(false);

    if (errorEnvelope(error)?.status === 409) {
      this.form.controls.email.setErrors({ server: 'This e-mail is already registered. Sign in instead.' });
      return;
    }

    const unmatched = applyServerErrors(this.form, error);
    this.error.set(formErrorSummary(error, unmatched));
  }
}
