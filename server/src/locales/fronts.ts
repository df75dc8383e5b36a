// Every front's own English messages, for tools that need the whole catalogue (the l10n status
// report, the parity test). Each front's module registers its messages when imported.
import '../cli/messages.js';
import '../lsp/messages.js';

export {};
