// IndexedDB for db and component tests under Node: an in-memory implementation.
import 'fake-indexeddb/auto';

// The app loads the lazy part of its message catalogue before any page that needs it; tests render those pages directly.
import { loadMessages } from '../src/i18n/i18n';
await loadMessages();
