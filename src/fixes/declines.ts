/** Why a transform declined to fix a report: recorded for the corpus report, never read during a lint. */

/** One declined transform of one report. */
export interface Decline {
  /** The transform that declined: `factory`, `thenable`, or another transform's name. */
  transform: string;
  /** The class (or other node) the transform was asked to rewrite, as named in messages. */
  target: string;
  /** A short stable reason (`"reads arguments"`, `"class extended in this file"`). */
  reason: string;
  /** Where: the file's name and the 1-based line of the report. */
  filename: string;
  line: number;
}

let listener: ((decline: Decline) => void) | undefined;

/** Subscribes to declines (the corpus script does; a lint has no listener). `undefined` unsubscribes. */
export function setDeclineListener(next: ((decline: Decline) => void) | undefined): void {
  listener = next;
}

/** Records a decline when someone listens; costs nothing otherwise. */
export function recordDecline(decline: Decline | (() => Decline)): void {
  if (listener) {
    listener(typeof decline === 'function' ? decline() : decline);
  }
}
