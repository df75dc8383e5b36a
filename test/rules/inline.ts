// Test doubles' messages: a test rule says a fixed sentence through one shared message id, so
// test rules report by id like real ones (engine/messages.ts) without a catalogue of their own.
import { registerEnglish } from '../../server/src/engine/l10n.js';
import type { Msg } from '../../server/src/engine/messages.js';

registerEnglish({ 'test.text': '{text}' });

/** `ctx.report({ path, ...say('The plan has no owner.') })` */
export const say = (text: string): { messageId: string; data: { text: string } } => ({ messageId: 'test.text', data: { text } });

/** A fix title or related message for a test rule. */
export const titled = (text: string): Msg => ({ id: 'test.text', data: { text } });
