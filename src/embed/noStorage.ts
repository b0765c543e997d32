// Imported first by embed.html's entry, before the store: an embed persists nothing, even when it
// is not sandboxed (preferences, progress), so the host's page and the app's own storage stay apart.
import { disableStorage } from '../store/safeStorage';

disableStorage();
