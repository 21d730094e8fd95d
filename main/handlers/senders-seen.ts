/** Senders seen in listed pages, per account: autocomplete's fallback until the cache has them. */
export class SendersSeen {
  private readonly byAccount = new Map<string, Map<string, string>>();

  remember(accountId: string, senders: readonly { name: string; email: string }[]): void {
    let known = this.byAccount.get(accountId);
    if (!known) this.byAccount.set(accountId, (known = new Map()));
    for (const sender of senders) if (sender.email) known.set(sender.email.toLowerCase(), sender.name ? `${sender.name} <${sender.email}>` : sender.email);
  }

  matching(accountId: string, prefix: string, limit: number): string[] {
    const needle = prefix.toLowerCase();
    return [...(this.byAccount.get(accountId)?.values() ?? [])].filter((s) => s.toLowerCase().includes(needle)).slice(0, limit);
  }

  forget(accountId: string): void {
    this.byAccount.delete(accountId);
  }
}
