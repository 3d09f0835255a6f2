import { useState } from 'react';
import type { RecordFormValues } from './directoryRecords';

export interface RecordEditor {
  open: boolean;
  /** The record being edited, as form values; undefined when adding one. */
  editing: RecordFormValues | undefined;
  add: () => void;
  edit: (values: RecordFormValues) => void;
  close: () => void;
}

/** Which record the form modal shows: none, a new one, or an existing one. */
export function useRecordEditor(): RecordEditor {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<RecordFormValues>();
  return {
    open,
    editing,
    add: () => {
      setEditing(undefined);
      setOpen(true);
    },
    edit: (values: RecordFormValues) => {
      setEditing(values);
      setOpen(true);
    },
    close: () => setOpen(false),
  };
}
