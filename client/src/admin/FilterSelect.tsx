import { Select } from 'antd';

interface FilterSelectProps<Value extends string> {
  /** Shown while no value is chosen: "all …". */
  placeholder: string;
  /** What is being filtered, for screen readers. */
  label: string;
  value: Value | undefined;
  options: { value: Value; label: string }[];
  onChange: (value: Value | undefined) => void;
  /** Long lists (districts, industries) can be searched by typing. */
  searchable?: boolean;
}

/** One filter of a list: clearing it shows everything again. */
export function FilterSelect<Value extends string>({ placeholder, label, value, options, onChange, searchable = false }: FilterSelectProps<Value>) {
  return (
    <Select<Value>
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : false}
      placeholder={placeholder}
      aria-label={label}
      value={value}
      options={options}
      onChange={(next?: Value) => onChange(next)}
      className="console-filter"
    />
  );
}
