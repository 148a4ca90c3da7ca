// Every unit test gets a fresh, in-memory IndexedDB (Dexie runs on it unchanged).
import 'fake-indexeddb/auto';
