/**
 * A module an element fetches the first time a flow needs it rather than with the element — a
 * rarer view (`<acct-login>`'s views besides the form), the provider buttons — kept once here. A
 * failed fetch is kept too, so that the renders asking for it do not fetch again and again (the
 * console says why, once); `again()` forgets a failure, for a retry the user or new settings ask for.
 */
export class OnDemand<Module> {
  /** The module, once it is here. */
  value: Module | undefined;
  /** Why the last fetch failed; undefined while none has. */
  error: unknown;
  private fetching: Promise<Module | undefined> | undefined;

  /**
   * @param load the `import()` (a literal path, so that the build makes it a chunk).
   * @param what what the module is, for the console (e.g. "the provider buttons").
   */
  constructor(
    private readonly load: () => Promise<Module>,
    private readonly what: string,
  ) {}

  /** Fetches the module, once; resolves with it, or with undefined when it could not be fetched. */
  fetch(): Promise<Module | undefined> {
    this.fetching ??= this.load().then(
      (module) => (this.value = module),
      (error: unknown) => {
        this.error = error;
        console.warn(`acct: ${this.what} could not be loaded.`, error);
        return undefined;
      },
    );
    return this.fetching;
  }

  /** Fetches again after a failure (a fetch in flight, or one that worked, is kept). */
  again(): Promise<Module | undefined> {
    if (this.error !== undefined) {
      this.error = undefined;
      this.fetching = undefined;
    }
    return this.fetch();
  }
}
