/** No address known for the user yet: worth retrying, the users event may still be on its way. */
export class RecipientUnknownError extends Error {
  constructor(readonly userId: string) {
    super(`no e-mail address for user ${userId}: users.user.registered.v1 not received (yet)`);
    this.name = RecipientUnknownError.name;
  }
}
