import { Input } from 'antd';
import { useState } from 'react';

interface SearchBoxProps {
  /** The search in effect (from the address). */
  value: string;
  placeholder: string;
  onSearch: (value: string) => void;
}

/** A search field that sends its text on Enter, on the button or when cleared, not on every key. */
export function SearchBox({ value, placeholder, onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [shownValue, setShownValue] = useState(value);
  // The search can change from outside (back button, a link); show it.
  if (value !== shownValue) {
    setShownValue(value);
    setText(value);
  }
  return (
    <Input.Search
      allowClear
      value={text}
      placeholder={placeholder}
      aria-label={placeholder}
      onChange={(event) => setText(event.target.value)}
      onSearch={(next) => onSearch(next)}
      className="console-search"
    />
  );
}
