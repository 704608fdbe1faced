/**
 * What `<acct-mfa>` does with recovery codes besides showing them: copy them, save them as a
 * .txt file (made in the browser, never sent anywhere), and print them on a page of their own.
 */

/** The codes as a small text document: a heading, one code a line, a reminder. */
export function recoveryCodesText(heading: string, note: string, codes: string[]): string {
  return [heading, '', ...codes, '', note, ''].join('\n');
}

/** Saves `text` as `filename` through a temporary link to a Blob. */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Prints the codes alone, from a window of their own (the page around the element is not printed). */
export function printText(title: string, text: string): void {
  const win = window.open('', '_blank', 'popup,width=480,height=640');
  if (!win) return;
  const doc = win.document;
  doc.title = title;
  const pre = doc.createElement('pre');
  pre.textContent = text;
  doc.body.append(pre);
  win.focus();
  win.print();
}
