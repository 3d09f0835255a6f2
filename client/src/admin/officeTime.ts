import dayjs, { type Dayjs } from 'dayjs';

/**
 * Campaign windows are entered in Beijing time (UTC+8, no daylight saving) whatever
 * the browser's zone. The date picker works in the browser's zone, so it is given a
 * value whose wall-clock fields are those of Beijing, and its answer is read back the
 * same way.
 */
const OFFICE_OFFSET = '+08:00';
const OFFICE_OFFSET_MS = 8 * 60 * 60 * 1000;
const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss';

export function toOfficePickerValue(iso: string | null | undefined): Dayjs | undefined {
  if (!iso) return undefined;
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return undefined;
  // The ISO string of instant + 8 h, without its Z, is the Beijing wall clock.
  return dayjs(new Date(instant + OFFICE_OFFSET_MS).toISOString().slice(0, 19));
}

export function fromOfficePickerValue(value: Dayjs | null | undefined): string | null {
  if (!value) return null;
  return new Date(`${value.format(WALL_CLOCK)}${OFFICE_OFFSET}`).toISOString();
}
