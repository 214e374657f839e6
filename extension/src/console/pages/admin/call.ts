import type { AnswerOf, CallArgs, Endpoint } from '../../../../../shared/index.ts';

/** Sends one change to the estate's set-up and reloads it: its answer, or null (with the reason shown) when it was refused. */
export type Call = <E extends Endpoint>(e: E, args: CallArgs<E>) => Promise<AnswerOf<E> | null>;
