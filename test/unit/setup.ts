// Every unit test gets a working IndexedDB (fake-indexeddb); tests that need a fresh
// database create their own Dexie instance with a unique name.
import 'fake-indexeddb/auto';
(globalThis as Record<string, unknown>).__APP_VERSION__ = 'test';
