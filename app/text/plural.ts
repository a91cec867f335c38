/**
 * A count and its noun in English: plural(1, 'day') is '1 day', plural(2, 'day') '2 days',
 * plural(0, 'entry', 'entries') '0 entries'. One rule for every sentence that counts something,
 * so none says '1 days' again (ac21ac0 fixed one by hand). Plain text: no DOM, no React.
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
