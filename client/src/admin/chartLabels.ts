/** Width of a label in Latin letters: a Chinese character is about two. */
function labelWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

/** A label cut to fit a narrow chart; the tooltip shows it whole. */
export function shortened(label: string, maxWidth: number): string {
  if (labelWidth(label) <= maxWidth) return label;
  let result = '';
  for (const char of label) {
    if (labelWidth(`${result}${char}`) > maxWidth - 1) break;
    result += char;
  }
  return `${result}…`;
}
