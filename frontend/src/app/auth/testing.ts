import { Session } from './session';

/** A `Storage` kept in memory, so that specs never share the browser's `sessionStorage`. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

export function sessionFor(role: Session['role'], token = 'access-1', refresh = 'refresh-1'): Session {
  return { email: `${role}@payments.com`, role, token, refresh };
}
