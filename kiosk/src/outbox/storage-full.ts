/** Thrown by the outbox's add() when the phone is out of space; the text record was still saved if `recordSaved`. */
export class StorageFullError extends Error {
  constructor(readonly recordSaved: boolean) {
    super(recordSaved ? 'photo not stored: the phone is out of space' : 'not stored: the phone is out of space');
  }
}
