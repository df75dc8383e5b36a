// The text of `planlint --help`: one catalogue message per section (cli/messages.ts).
import type { MessageCatalogue } from '../engine/messages.js';
import { say, type CliMessageId } from './messages.js';

const SECTIONS: readonly CliMessageId[] = [
  'cli.help.usage',
  'cli.help.checked',
  'cli.help.output',
  'cli.help.checking',
  'cli.help.large',
  'cli.help.fixing',
  'cli.help.exit',
  'cli.help.other',
  'cli.help.examples',
  'cli.help.docs',
];

export function helpText(version: string, c?: MessageCatalogue): string {
  return [say(c, 'cli.help.header', { version }), ...SECTIONS.map((id) => say(c, id))].join('\n');
}
