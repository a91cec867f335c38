/**
 * A block of code with light, hand-written syntax highlighting and a Copy button. The
 * highlighter is a small ordered list of regular-expression rules per language: good enough to
 * make a snippet readable, never a parser. Tokens always join back to the exact input, so what
 * is copied is what is shown.
 */
import { useMemo } from 'react';
import { CopyButton } from './copy-button.tsx';
import './code-block.css';

/** Languages the highlighter knows; anything else is shown as plain text. */
export type CodeLanguage = 'yaml' | 'python' | 'js' | 'shell' | 'ini' | 'text';

export type TokenKind =
  'plain' | 'comment' | 'string' | 'keyword' | 'number' | 'key' | 'variable' | 'option' | 'section';

export interface Token {
  kind: TokenKind;
  text: string;
}

interface Rule {
  kind: TokenKind;
  /** Sticky so it matches exactly at the scan position; `m` so `^` means line start. */
  re: RegExp;
}

const rule = (kind: TokenKind, source: string): Rule => ({ kind, re: new RegExp(source, 'ym') });
const words = (list: string): string => `\\b(?:${list.trim().split(/\s+/).join('|')})\\b`;

const DQ = String.raw`"(?:[^"\\\n]|\\.)*"`;
const SQ = String.raw`'(?:[^'\\\n]|\\.)*'`;
/** A comment that starts a line or follows whitespace (`#` inside a word is not a comment). */
const HASH_COMMENT = String.raw`(?<=^|\s)#[^\n]*`;
const NUMBER = String.raw`\b\d+(?:\.\d+)?\b`;
/** Identifiers are consumed whole so a keyword is never found inside a longer word. */
const IDENT = String.raw`[A-Za-z_$][\w$]*`;

const RULES: Record<Exclude<CodeLanguage, 'text'>, Rule[]> = {
  yaml: [
    rule('comment', HASH_COMMENT),
    rule('key', String.raw`(?<=^[ \t]*(?:- )?)[\w.\-/]+(?=[ \t]*:(?:\s|$))`),
    rule('string', DQ),
    rule('string', String.raw`'(?:[^'\n]|'')*'`),
    rule('keyword', words('true false null yes no on off')),
    rule('number', NUMBER),
    rule('plain', String.raw`[\w.\-/]+`),
  ],
  python: [
    rule('comment', HASH_COMMENT),
    rule('string', String.raw`[rRbBfFuU]{0,2}(?:"""[\s\S]*?"""|'''[\s\S]*?''')`),
    rule('string', String.raw`[rRbBfFuU]{0,2}(?:${DQ}|${SQ})`),
    rule(
      'keyword',
      words(`import from as def class return if elif else for while in not and or is
      with async await try except finally raise pass None True False lambda yield`),
    ),
    rule('number', NUMBER),
    rule('plain', IDENT),
  ],
  js: [
    rule('comment', String.raw`\/\/[^\n]*|\/\*[\s\S]*?\*\/`),
    rule('string', `${DQ}|${SQ}|\`(?:[^\`\\\\]|\\\\.)*\``),
    rule(
      'keyword',
      words(`import from export default const let var function return if else for while
      of in new await async true false null undefined class extends try catch finally throw typeof`),
    ),
    rule('number', NUMBER),
    rule('plain', IDENT),
  ],
  shell: [
    rule('comment', HASH_COMMENT),
    rule('string', `${DQ}|'[^'\\n]*'`),
    rule('variable', String.raw`\$\{[^}\n]*\}|\$\w+`),
    rule('option', String.raw`(?<=^|\s)--?[A-Za-z][\w-]*`),
    rule('keyword', words('if then else elif fi for do done in case esac export sudo set')),
    rule('plain', String.raw`[\w./-]+`),
  ],
  ini: [
    rule('comment', String.raw`^[ \t]*[;#][^\n]*`),
    rule('section', String.raw`^[ \t]*\[[^\]\n]*\]`),
    rule('key', String.raw`^[ \t]*[\w.-]+(?=[ \t]*[=:])`),
    rule('keyword', words('true false yes no on off')),
    rule('number', NUMBER),
    rule('plain', String.raw`[\w./-]+`),
  ],
};

/**
 * Split `code` into tokens for `language`. The rules are tried in order at each position; the
 * first that matches wins; a character no rule claims is plain. Adjacent plain text is merged.
 */
export function highlight(code: string, language: CodeLanguage): Token[] {
  if (language === 'text') return code ? [{ kind: 'plain', text: code }] : [];
  const rules = RULES[language];
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = tokens.at(-1);
    if (last && last.kind === kind && kind === 'plain') last.text += text;
    else tokens.push({ kind, text });
  };
  let pos = 0;
  while (pos < code.length) {
    let matched = false;
    for (const { kind, re } of rules) {
      re.lastIndex = pos;
      const m = re.exec(code);
      if (m && m[0].length > 0) {
        push(kind, m[0]);
        pos += m[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      push('plain', code.charAt(pos));
      pos += 1;
    }
  }
  return tokens;
}

/** Guess the language from a file name, for snippets whose target does not say. */
export function languageOf(fileName: string): CodeLanguage {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'py') return 'python';
  if (['js', 'mjs', 'cjs', 'ts'].includes(ext)) return 'js';
  if (ext === 'sh' || ext === 'bash') return 'shell';
  if (ext === 'ini' || ext === 'cfg' || ext === 'conf' || /cqlshrc$/.test(fileName)) return 'ini';
  return 'text';
}

export interface CodeBlockProps {
  code: string;
  language: CodeLanguage;
  /** Shown above the code, e.g. the file name; also names the Copy button ("Copy scylla.yaml"). */
  title?: string;
  /** Hide the Copy button (for code that is copied some other way). */
  noCopy?: boolean;
}

/** A titled, highlighted, keyboard-scrollable block of code with a Copy button. */
export function CodeBlock({ code, language, title, noCopy }: CodeBlockProps) {
  const tokens = useMemo(() => highlight(code, language), [code, language]);
  return (
    <figure className="code-block">
      {(title !== undefined || !noCopy) && (
        <figcaption className="code-block__bar">
          {title !== undefined && <span className="code-block__title">{title}</span>}
          {!noCopy && <CopyButton text={code} label={title ? `Copy ${title}` : 'Copy'} />}
        </figcaption>
      )}
      {/* Focusable so keyboard users can scroll long lines (axe: scrollable-region-focusable). */}
      <pre className="code-block__pre" tabIndex={0} data-language={language}>
        <code>
          {tokens.map((t, i) =>
            t.kind === 'plain' ? (
              t.text
            ) : (
              <span key={i} className={`tok tok-${t.kind}`}>
                {t.text}
              </span>
            ),
          )}
        </code>
      </pre>
    </figure>
  );
}
