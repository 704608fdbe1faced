/**
 * The messages acct sends, each as a subject, plain text and simple HTML (one column, readable in
 * any client), in the reader's language (server/i18n) and with the operator's brand: product
 * name, logo (alt text: the product name) and the brand colour on the button, with button text
 * that stays readable on it (server/brand). Everything interpolated into HTML is escaped; links
 * are the only dynamic parts with meaning, and they are built by the callers from our own public
 * URL. Inline styles are the only styles mail clients reliably keep.
 */
import { brandPalette, type Brand } from '../../brand/brand';
import type { Config } from '../../config';
import { messages, pickLanguage, type Language } from '../../i18n';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** Who the mail speaks for, and in which language. */
export interface MailOptions {
  brand: Brand;
  lang: Language;
}

/**
 * The options for a mail from `config`'s brand, in the first of `languages` acct speaks — the
 * user's stored language first, then the request's — else ACCT_DEFAULT_LANGUAGE.
 */
export function mailOptions(config: Pick<Config, 'brand' | 'defaultLanguage'>, ...languages: unknown[]): MailOptions {
  return { brand: config.brand, lang: pickLanguage(languages, config.defaultLanguage) };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Block {
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

/**
 * The mail's heading: the logo when there is one, then the product name. With a logo, the name
 * beside it is hidden from screen readers, which already read it as the logo's alt text.
 */
function heading(brand: Brand): string {
  const name = escapeHtml(brand.productName);
  const style = 'font-weight:600;font-size:18px;margin-top:0';
  if (!brand.logoUrl) return `<p style="${style}">${name}</p>`;
  return `<p style="${style}"><img src="${escapeHtml(brand.logoUrl)}" alt="${name}" height="40" style="height:40px;width:auto;border:0;vertical-align:middle;margin-right:10px"><span aria-hidden="true" style="vertical-align:middle">${name}</span></p>`;
}

function render(subject: string, { brand, lang }: MailOptions, block: Block): MailContent {
  const t = messages(lang).mail;
  const text = [
    ...block.paragraphs,
    ...(block.action ? [`${block.action.label}:\n${block.action.url}`] : []),
    ...(block.footer ? [block.footer] : []),
    t.signature(brand.productName),
  ].join('\n\n');
  // Mail clients' dark modes recolour unpredictably, so mails use the light-mode colours.
  const { accent, onAccent } = brandPalette(brand.color).light;
  const button = block.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(block.action.url)}" style="background:${accent};color:${onAccent};padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(block.action.label)}</a></p>
<p style="color:#57606a;font-size:13px">${escapeHtml(t.buttonFallback)}<br><span style="word-break:break-all">${escapeHtml(block.action.url)}</span></p>`
    : '';
  const html = `<!doctype html>
<html lang="${lang}" dir="${messages(lang).$dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f8fa;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328">
<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
${heading(brand)}
${block.paragraphs.map((p) => `<p style="line-height:1.5">${escapeHtml(p)}</p>`).join('\n')}
${button}
${block.footer ? `<p style="color:#57606a;font-size:13px;line-height:1.5">${escapeHtml(block.footer)}</p>` : ''}
</div></body></html>`;
  return { subject, text, html };
}

/** The device a sign-in came from, as sessions record it; `name` is null when only the kind is known. */
export interface SignInDevice {
  type: 'desktop' | 'mobile' | 'tablet';
  name: string | null;
  browser: string | null;
  os: string | null;
}

export const mailTemplates = {
  verifyEmail: (options: MailOptions, url: string) => {
    const t = messages(options.lang).mail.verifyEmail;
    const product = options.brand.productName;
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product)],
      action: { label: t.action, url },
      footer: t.footer,
    });
  },

  /** Sent instead of a verification when someone signs up with an address that has an account (no enumeration). */
  accountExists: (options: MailOptions, resetUrl: string) => {
    const t = messages(options.lang).mail.accountExists;
    const product = options.brand.productName;
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product), t.forgot],
      action: { label: t.action, url: resetUrl },
      footer: t.footer,
    });
  },

  resetPassword: (options: MailOptions, url: string) => {
    const t = messages(options.lang).mail.resetPassword;
    const product = options.brand.productName;
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product)],
      action: { label: t.action, url },
      footer: t.footer,
    });
  },

  passwordChanged: (options: MailOptions) => {
    const t = messages(options.lang).mail.passwordChanged;
    const product = options.brand.productName;
    return render(t.subject(product), options, { paragraphs: [t.intro(product), t.advice] });
  },

  magicLink: (options: MailOptions, url: string, ttlMinutes: number) => {
    const t = messages(options.lang).mail.magicLink;
    const product = options.brand.productName;
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product)],
      action: { label: t.action(product), url },
      footer: t.footer(ttlMinutes),
    });
  },

  /** `name` is the passkey's own name, null when it has none (the generic ones are not stored). */
  newPasskey: (options: MailOptions, name: string | null) => {
    const t = messages(options.lang).mail.newPasskey;
    const product = options.brand.productName;
    return render(t.subject(product), options, { paragraphs: [t.intro(product, name), t.advice] });
  },

  /** An invitation to an organization; `inviter` is a display name or address, both chosen by users, so only ever escaped. */
  organizationInvitation: (
    options: MailOptions,
    invite: { organizationName: string; inviter: string; ttlDays: number },
    url: string,
  ) => {
    const t = messages(options.lang).mail.organizationInvitation;
    const product = options.brand.productName;
    return render(t.subject(invite.organizationName, product), options, {
      paragraphs: [t.intro(invite.inviter, invite.organizationName, product)],
      action: { label: t.action(invite.organizationName), url },
      footer: t.footer(invite.ttlDays),
    });
  },

  /**
   * A sign-in from a device the account had not used: which device (its model name, else its kind,
   * with browser and OS), from where (city and country when a trusted proxy says, else the
   * address), and when (in UTC: the reader's time zone is not known).
   */
  newDevice: (
    options: MailOptions,
    details: {
      device: SignInDevice;
      location: { city: string | null; country: string | null } | null;
      ip: string | undefined;
      time: Date;
    },
  ) => {
    const t = messages(options.lang).mail.newDevice;
    const product = options.brand.productName;
    const { device } = details;
    const software =
      device.browser && device.os ? t.browserOn(device.browser, device.os) : (device.browser ?? device.os);
    const kind = device.name ?? t.kind[device.type];
    const place =
      [details.location?.city, details.location?.country].filter(Boolean).join(', ') || details.ip || t.unknownPlace;
    const time = new Intl.DateTimeFormat(options.lang, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(details.time);
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product), `${software ? `${kind} (${software})` : kind} — ${place} — ${time} UTC`, t.advice],
    });
  },
};

export type MailTemplateName = keyof typeof mailTemplates;
