import { TestBed } from '@angular/core/testing';

import { landingPath, SESSION_STORAGE, SessionStore } from './session';
import { MemoryStorage, sessionFor } from './testing';

describe('SessionStore', () => {
  let storage: MemoryStorage;

  function createStore(): SessionStore {
    TestBed.configureTestingModule({ providers: [{ provide: SESSION_STORAGE, useValue: storage }] });
    return TestBed.inject(SessionStore);
  }

  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it('starts signed out with empty storage', () => {
    const store = createStore();

    expect(store.signedIn()).toBe(false);
    expect(store.role()).toBeNull();
  });

  it('persists a started session', () => {
    const store = createStore();
    store.start(sessionFor('finance'));

    expect(JSON.parse(storage.getItem('paygate.session') ?? '{}')).toEqual(sessionFor('finance'));
    expect(store.email()).toBe('finance@payments.com');
  });

  it('restores the session from storage after a reload', () => {
    storage.setItem('paygate.session', JSON.stringify(sessionFor('merchant')));
    const store = createStore();

    expect(store.role()).toBe('merchant');
    expect(store.accessToken()).toBe('access-1');
  });

  it('ignores a stored session with an unknown role', () => {
    storage.setItem('paygate.session', JSON.stringify({ ...sessionFor('admin'), role: 'root' }));

    expect(createStore().signedIn()).toBe(false);
  });

  it('ignores stored text that is not JSON', () => {
    storage.setItem('paygate.session', '{not json');

    expect(createStore().signedIn()).toBe(false);
  });

  it('replaces both tokens and keeps the identity', () => {
    const store = createStore();
    store.start(sessionFor('admin'));
    store.replaceTokens('access-2', 'refresh-2');

    expect(store.session()).toEqual({ ...sessionFor('admin'), token: 'access-2', refresh: 'refresh-2' });
  });

  it('clears storage on clear', () => {
    const store = createStore();
    store.start(sessionFor('admin'));
    store.clear();

    expect(store.signedIn()).toBe(false);
    expect(storage.length).toBe(0);
  });

  it('checks roles', () => {
    const store = createStore();
    store.start(sessionFor('finance'));

    expect(store.hasRole('admin', 'finance')).toBe(true);
    expect(store.hasRole('merchant')).toBe(false);
  });
});

describe('landingPath', () => {
  it('sends each role to its work', () => {
    expect(landingPath('admin')).toBe('/dashboard');
    expect(landingPath('finance')).toBe('/review');
    expect(landingPath('merchant')).toBe('/payments');
    expect(landingPath(null)).toBe('/login');
  });
});
