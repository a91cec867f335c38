/**
 * A button that copies text to the clipboard (a side effect the user asked for) and says what
 * happened in a live region. Its accessible name always starts with "Copy"; it shows only "Copy", so
 * a long file name beside it does not push it off a phone's screen (issue 12, 390 px).
 */
import { useEffect, useRef, useState } from 'react';
import './copy-button.css';

export interface CopyButtonProps {
  /** The text to copy, or a function that produces it at click time. */
  text: string | (() => string);
  /** Accessible name, starting with "Copy" (tests and automation find it by that); the button shows "Copy". */
  label?: string;
  /** Injected in tests; defaults to the browser's async clipboard. */
  writeText?: (text: string) => Promise<void>;
}

type Status = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays on screen. */
const STATUS_MS = 2000;

function browserWriteText(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) return Promise.reject(new Error('no clipboard'));
  return navigator.clipboard.writeText(text);
}

export function CopyButton({ text, label = 'Copy', writeText = browserWriteText }: CopyButtonProps) {
  const [status, setStatus] = useState<Status>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await writeText(typeof text === 'function' ? text() : text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    timer.current = setTimeout(() => setStatus('idle'), STATUS_MS);
  };

  return (
    <span className="copy-button">
      {/* The visible word is "Copy"; the name says what (the title beside it says so to the eye). */}
      <button type="button" onClick={() => void copy()} aria-label={label === 'Copy' ? undefined : label}>
        Copy
      </button>
      <span role="status" className={`copy-button__status copy-button__status--${status}`}>
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed: select the text and press Ctrl+C' : ''}
      </span>
    </span>
  );
}
