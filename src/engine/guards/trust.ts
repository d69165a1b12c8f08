/**
 * What counts as named by the user. Everything else in a step's input (and everything read
 * from Microsoft 365) is untrusted: it may have been put there by an injected instruction.
 */
export interface TrustContext {
  /**
   * Text a person wrote: the outcome, clarification answers, revision instructions, and field
   * values a human typed on an Edit form. Never text read from mail, files or model output.
   */
  readonly requestTexts: readonly string[];
  /** The person the task runs for: sending to them needs no tracing. */
  readonly requester: { readonly upn?: string; readonly name: string };
  /** The tenant's domains, e.g. `['example.com']`; their subdomains are internal too. */
  readonly internalDomains: readonly string[];
  /**
   * Address → display name from the tenant directory. When it knows an address, its name is
   * authoritative: a destination's own label (which a model may have written) is then ignored.
   */
  readonly directoryNames?: ReadonlyMap<string, string>;
}
