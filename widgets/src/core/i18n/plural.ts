/**
 * Plural forms by the language's own rules (`Intl.PluralRules`): English and German have two,
 * French treats 0 as singular, Arabic has six (zero, one, two, few, many, other). A message gives
 * the forms its language uses, `other` always; `#` stands for the number.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function plural(lang: string, count: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(lang).select(count)] ?? forms.other;
  return form.replaceAll('#', String(count));
}
