/**
 * Pick one name of a list: a select for a short list; for a long one (a thousand-node cluster's
 * nodes), a text box that suggests the names holding what is typed. A select of a thousand
 * options was about 10 ms of style and layout in Chromium whenever it was drawn, and a long
 * scroll to use; the box draws at most SUGGESTIONS options and takes a name typed in full.
 */
import { useId, useState } from 'react';
import { plural } from '../text/plural.ts';
import { Field } from './field.tsx';

/** Up to this many names, a select. */
export const SELECT_MAX = 100;
/** Names suggested under the box at a time. */
export const SUGGESTIONS = 20;

/** The names holding `typed` (case-insensitive), those starting with it first, at most `limit`. */
export function suggestedNames(names: readonly string[], typed: string, limit = SUGGESTIONS): string[] {
  const want = typed.trim().toLowerCase();
  if (!want) return names.slice(0, limit);
  const starting: string[] = [];
  const holding: string[] = [];
  for (const name of names) {
    const at = name.toLowerCase().indexOf(want);
    if (at === 0) starting.push(name);
    else if (at > 0 && holding.length < limit) holding.push(name);
    if (starting.length >= limit) break;
  }
  return [...starting, ...holding].slice(0, limit);
}

interface NamePickerProps {
  label: string;
  /** What the names are, for the message when a typed one is not among them ("node"). */
  noun: string;
  names: readonly string[];
  value: string;
  onChange: (name: string) => void;
  /** The wrapper's class (the caller's layout). */
  className?: string;
}

/** Nothing for fewer than two names: there is nothing to choose. */
export function NamePicker(props: NamePickerProps) {
  if (props.names.length < 2) return null;
  return props.names.length <= SELECT_MAX ? <NameSelect {...props} /> : <NameSearch {...props} />;
}

function NameSelect({ label, names, value, onChange, className }: NamePickerProps) {
  const id = useId();
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}

function NameSearch({ label, noun, names, value, onChange, className }: NamePickerProps) {
  const listId = useId();
  const [typed, setTyped] = useState(value);
  // The box follows the caller: another bundle (new names) or a name picked elsewhere replaces
  // what was typed, so it never shows a name of a list no longer on screen.
  const [shownFor, setShownFor] = useState({ value, names });
  if (shownFor.value !== value || shownFor.names !== names) {
    setShownFor({ value, names });
    setTyped(value);
  }
  const suggestions = suggestedNames(names, typed);
  // Part of a name is a search, not a mistake: refused only when no name holds the text.
  const refused = typed.trim() !== '' && suggestions.length === 0;
  return (
    <div className={className}>
      <Field
        label={label}
        hint={`${plural(names.length, noun)}: type a name, or part of one, and pick it. The snippets are for ${value}.`}
        error={refused ? `No ${noun} is named "${typed.trim()}" in this bundle.` : undefined}
      >
        {(p) => (
          <input
            {...p}
            type="search"
            list={listId}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setTyped(next);
              if (names.includes(next.trim())) onChange(next.trim());
            }}
          />
        )}
      </Field>
      <datalist id={listId}>
        {suggestions.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </div>
  );
}
