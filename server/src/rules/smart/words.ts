// Words shared by the smart/* rules' messages: lists joined with "and" (as messages, so a locale
// words them), and an empty message for an optional part.
import { msg, type MessageValue } from '../../engine/messages.js';

export const SMART_WORDS: Readonly<Record<string, string>> = {
  wordNothing: '',
  wordAnd: '{a} and {b}',
  wordList: '{a}, {b}',
};

/** "a, b and c" as a message. */
export function andList(values: readonly MessageValue[]): MessageValue {
  if (values.length === 0) return msg('wordNothing');
  if (values.length === 1) return values[0];
  let out: MessageValue = msg('wordAnd', { a: values[values.length - 2], b: values[values.length - 1] });
  for (let i = values.length - 3; i >= 0; i--) out = msg('wordList', { a: values[i], b: out });
  return out;
}
