/** Types of the payment resource, field for field as `/api/payments` returns and accepts them. */

export type PaymentStatus = 'pending' | 'success' | 'failed';
export type PaymentType = 'one_time' | 'subscription' | 'recurring' | 'refund';
export type AttemptResult = 'success' | 'failure';

export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['pending', 'success', 'failed'];
export const PAYMENT_TYPES: readonly PaymentType[] = ['one_time', 'subscription', 'recurring', 'refund'];

export const PAYMENT_TYPE_LABELS: Record<PaymentType, string> = {
  one_time: 'One-time',
  subscription: 'Subscription',
  recurring: 'Recurring',
  refund: 'Refund',
};

export interface CustomerDetails {
  name: string;
  email: string;
  country: string;
}

export interface ProviderAttempt {
  provider: string;
  result: AttemptResult;
  latency_ms: number;
  attempted_at: string;
}

/** An attempt as a client sends it; the server stamps `attempted_at`. */
export type NewProviderAttempt = Omit<ProviderAttempt, 'attempted_at'>;

export interface Payment {
  id: string;
  merchant: string;
  payment_type: PaymentType;
  amount_minor: number;
  currency: string;
  region: string;
  status: PaymentStatus;
  created_by: string;
  initiated_at: string;
  updated_at: string;
  customer_details: CustomerDetails;
  provider_attempts: ProviderAttempt[];
}

export interface NewPayment {
  merchant: string;
  payment_type: PaymentType;
  amount_minor: number;
  currency: string;
  region: string;
  customer_details: CustomerDetails;
  provider_attempts?: NewProviderAttempt[];
}

/** Core fields an admin may change with `PATCH`; `customer_details` may be partial. */
export type PaymentEdit = Partial<Omit<NewPayment, 'provider_attempts' | 'customer_details'>> & {
  customer_details?: Partial<CustomerDetails>;
};

export interface PaymentPage {
  payments: Payment[];
  page: number;
  limit: number;
  total: number;
}

export type PaymentEventType = 'created' | 'status_changed' | 'attempts_added' | 'updated';

export interface PaymentEvent {
  type: PaymentEventType;
  actor: string;
  at: string;
  details: Record<string, unknown>;
}

/** Sortable columns, as the `ordering` query parameter names them. */
export type OrderingField = 'initiated_at' | 'amount_minor' | 'status' | 'merchant' | 'currency';
export const ORDERING_FIELDS: readonly OrderingField[] = ['initiated_at', 'amount_minor', 'status', 'merchant', 'currency'];

/** Filters shared by the payment list and the analytics endpoints. */
export interface PaymentFilters {
  status: PaymentStatus | null;
  from: string | null;
  to: string | null;
}

export interface PaymentQuery extends PaymentFilters {
  page: number;
  limit: number;
  ordering: string;
}
