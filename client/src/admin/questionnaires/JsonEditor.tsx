import { useMemo, useRef, type Ref } from 'react';

interface JsonEditorProps {
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  /** Lines (1-based) to mark in the gutter, e.g. where problems are. */
  markedLines?: ReadonlySet<number>;
  label: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/**
 * A plain monospace textarea with line numbers: enough to edit a questionnaire's JSON without
 * a code editor's weight. Lines do not wrap, so the numbers stay beside their lines.
 */
export function JsonEditor({ value, onChange, readOnly = false, markedLines, label, textareaRef }: JsonEditorProps) {
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = useMemo(() => countLines(value), [value]);
  const numbers = useMemo(
    () =>
      Array.from({ length: lineCount }, (_, i) => (
        <div key={i} className={markedLines?.has(i + 1) ? 'questionnaire-editor__number questionnaire-editor__number--marked' : 'questionnaire-editor__number'}>
          {i + 1}
        </div>
      )),
    [lineCount, markedLines],
  );
  return (
    <div className={readOnly ? 'questionnaire-editor questionnaire-editor--read-only' : 'questionnaire-editor'}>
      <div className="questionnaire-editor__gutter" ref={gutter} aria-hidden>
        {numbers}
      </div>
      <textarea
        ref={textareaRef}
        className="questionnaire-editor__text"
        aria-label={label}
        value={value}
        readOnly={readOnly}
        onChange={(event) => onChange?.(event.target.value)}
        onScroll={(event) => {
          if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
        }}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
      />
    </div>
  );
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

/** Puts the caret at `offset` and scrolls its line into the middle of the textarea. */
export function revealOffset(textarea: HTMLTextAreaElement, offset: number): void {
  const line = countLines(textarea.value.slice(0, offset));
  const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.focus();
  textarea.setSelectionRange(offset, offset);
  textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 2);
}
