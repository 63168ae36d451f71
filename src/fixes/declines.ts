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

/**
 * The form of one offered transform of one class: whether it **moves** the work out of the
 * constructor, or **records** it where it stands (and why). Recorded for the corpus report
 * through the same channel as declines; never read during a lint.
 */
export interface FixForm {
  /** The transform: `factory`, `thenable`, or another transform's name. */
  transform: string;
  /** The class the transform rewrites, as named in messages. */
  target: string;
  /** `moved`: the work leaves the constructor; `recorded`: it stays, its promise kept and awaited. */
  form: 'moved' | 'recorded';
  /** For `recorded`: a short stable reason (`"a later statement reads this.socket"`). */
  reason?: string;
  /** Where: the file's name and the 1-based line of the report (or the class). */
  filename: string;
  line: number;
}

let formListener: ((form: FixForm) => void) | undefined;

/** Subscribes to fix forms (the corpus script does; a lint has no listener). `undefined` unsubscribes. */
export function setFixFormListener(next: ((form: FixForm) => void) | undefined): void {
  formListener = next;
}

/** Records the form of an offered fix when someone listens; costs nothing otherwise. */
export function recordFixForm(form: FixForm | (() => FixForm)): void {
  if (formListener) {
    formListener(typeof form === 'function' ? form() : form);
  }
}
