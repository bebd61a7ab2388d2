import { HttpErrorResponse } from '@angular/common/http';

import { describeReviewError } from './payment-actions';

describe('describeReviewError', () => {
  it('explains a conflict in words', () => {
    const error = new HttpErrorResponse({
      status: 409,
      error: { status: 409, message: 'Cannot change status from success to failed.' },
    });

    expect(describeReviewError(error, 'failed')).toBe(
      'This payment could not be rejected because it is no longer pending: it has already been reviewed. ' +
        'Cannot change status from success to failed.',
    );
  });

  it('describes other failures plainly', () => {
    const error = new HttpErrorResponse({ status: 403, error: { status: 403, message: 'You may not do this.' } });

    expect(describeReviewError(error, 'success')).toBe('You may not do this.');
  });
});
