/**
 * How the background receives: the calls it answers, their checks and who may make them are declared in
 * shared/messages.ts; here is only what needs the background's own knowledge. Pure, so it is unit-tested without a
 * browser: the sender and our own identity come in as plain values.
 */
import { backgroundCalls, toContent, toPages } from '../../shared/messages.ts';
import { judge as judgeCall, type JudgeOptions, type Self, type SenderInfo, type Verdict } from '../../shared/rpc/channel.ts';
import { importError } from './import-check.ts';

/** The background's receiving rules beyond the declarations. */
export const RECEIVING: JudgeOptions<typeof backgroundCalls> = {
  // Calls for the content scripts and notices for the pages reach runtime listeners too; they are not ours to refuse.
  others: [toContent, toPages],
  unknown: 'refuse',
  // An import is judged row by row, references and all, before anything is written.
  deeper: { 'data.import': ({ file }) => importError(file) },
};

/** Classifies `message` from `sender`: a call to answer, an error to answer with, or not ours. */
export function judge(message: unknown, sender: SenderInfo, self: Self): Verdict<typeof backgroundCalls> {
  return judgeCall(backgroundCalls, message, sender, self, RECEIVING);
}

export type { SenderInfo, Self };
