// IndexedDB for db and component tests under Node: an in-memory implementation.
import 'fake-indexeddb/auto';
