/**
 * The playground on each Components page (/components/<tag>/): its controls, generated from the
 * element's attributes (`data-attribute`) and CSS custom properties (`data-css-property`), edit the
 * live example at once, and the snippet below shows the HTML that gives the same result. Styles are
 * set through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' still allows.
 */
const form = document.querySelector<HTMLFormElement>('form[data-playground]');
const tag = form?.dataset.playground ?? '';
const host = document.querySelector<HTMLElement>('[data-example]');
let example = host?.querySelector<HTMLElement>(tag || 'none') ?? null;
const snippet = document.getElementById('snippet');
/** The attributes the playground has set on the example. */
const set = new Set<string>();

type Control = HTMLInputElement | HTMLSelectElement;

const controls = (selector: string) => [...(form?.querySelectorAll<Control>(selector) ?? [])];

/** What a control asks for: null leaves the attribute or property out. */
function valueOf(control: Control): string | null {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked ? '' : null;
  const value = control.value.trim();
  return value === '' ? null : value;
}

const quoted = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function apply(): void {
  if (!example || !snippet) return;
  const wanted = new Map(controls('[data-attribute]').map((c) => [c.dataset.attribute!, valueOf(c)] as const));
  // Taking an attribute away would set its property to null rather than to its default: a fresh
  // element starts from the defaults instead, as the snippet would.
  if ([...set].some((name) => wanted.get(name) === null)) {
    const fresh = document.createElement(tag);
    example.replaceWith(fresh);
    example = fresh;
    set.clear();
  }
  const attributes: string[] = [];
  for (const [name, value] of wanted) {
    if (value === null) continue;
    if (example.getAttribute(name) !== value) example.setAttribute(name, value);
    set.add(name);
    attributes.push(value === '' ? ` ${name}` : ` ${name}="${quoted(value)}"`);
  }
  const declarations: string[] = [];
  for (const control of controls('[data-css-property]')) {
    const name = control.dataset.cssProperty!;
    const value = valueOf(control);
    if (value === null) example.style.removeProperty(name);
    else example.style.setProperty(name, value);
    if (value !== null) declarations.push(`    ${name}: ${value};`);
  }
  // A stylesheet rule rather than a style attribute: it also works under a strict CSP.
  const style = declarations.length ? `\n<style>\n  ${tag} {\n${declarations.join('\n')}\n  }\n</style>` : '';
  snippet.textContent = `<${tag}${attributes.join('')}></${tag}>${style}`;
}

/**
 * The CSS fields start from what the example inherits from the page (this demo sets its own
 * theme on `:root`), where it sets one; else they keep the documented default.
 */
function showInherited(): void {
  if (!example) return;
  const styles = getComputedStyle(example);
  for (const field of controls('[data-css-property]')) {
    const inherited = styles.getPropertyValue(field.dataset.cssProperty!).trim();
    if (!inherited || !(field instanceof HTMLInputElement)) continue;
    field.placeholder = inherited;
    const picker = form?.querySelector<HTMLInputElement>(`[data-picker-for="${field.id}"]`);
    // The default value too, which the form's Reset goes back to.
    if (picker && /^#[0-9a-f]{6}$/i.test(inherited)) picker.defaultValue = inherited;
  }
}

/** A colour picker and its text field show the same colour, whichever was edited. */
function syncColour(target: EventTarget | null): void {
  if (!(target instanceof HTMLInputElement)) return;
  const field = target.dataset.pickerFor ? document.getElementById(target.dataset.pickerFor) : null;
  if (field instanceof HTMLInputElement) field.value = target.value;
  const picker = target.id ? form?.querySelector<HTMLInputElement>(`[data-picker-for="${target.id}"]`) : null;
  if (picker && /^#[0-9a-f]{6}$/i.test(target.value.trim())) picker.value = target.value.trim();
}

form?.addEventListener('input', (event) => {
  syncColour(event.target);
  apply();
});
form?.addEventListener('change', apply);
// The form's own reset puts the controls back; the element follows once it has.
form?.addEventListener('reset', () => setTimeout(apply));
form?.addEventListener('submit', (event) => event.preventDefault());

document.querySelector<HTMLButtonElement>('button[data-copy]')?.addEventListener('click', (event) => {
  const button = event.currentTarget as HTMLButtonElement;
  const say = (text: string) => {
    button.textContent = text;
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  };
  navigator.clipboard.writeText(snippet?.textContent ?? '').then(
    () => say('Copied'),
    () => say('Copying failed: select the text'),
  );
});

showInherited();
apply();
