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
import { messages, pickLanguage, type Language, type LanguageSettings } from '../../i18n';

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
 * user's stored language first, then the request's — that the server allows (ACCT_LANGUAGES),
 * else ACCT_DEFAULT_LANGUAGE.
 */
export function mailOptions(config: LanguageSettings & Pick<Config, 'brand'>, ...languages: unknown[]): MailOptions {
  return { brand: config.brand, lang: pickLanguage(languages, config.defaultLanguage, config.languages) };
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
  // The address under the button reads left to right in an Arabic mail too (`dir`: a `-` ending it
  // would otherwise be drawn at its start).
  const button = block.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(block.action.url)}" style="background:${accent};color:${onAccent};padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(block.action.label)}</a></p>
<p style="color:#57606a;font-size:13px">${escapeHtml(t.buttonFallback)}<br><span dir="ltr" style="word-break:break-all">${escapeHtml(block.action.url)}</span></p>`
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

  /** A passkey was removed (`name` null when it had none of its own): a security alert. */
  passkeyRemoved: (options: MailOptions, name: string | null) => {
    const t = messages(options.lang).mail.passkeyRemoved;
    const product = options.brand.productName;
    return render(t.subject(product), options, { paragraphs: [t.intro(product, name), t.advice] });
  },

  /** A recovery code was used to sign in: how many are left, and a warning when few are. */
  recoveryCodeUsed: (options: MailOptions, remaining: number) => {
    const t = messages(options.lang).mail.recoveryCodeUsed;
    const product = options.brand.productName;
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product), t.remaining(remaining), ...(remaining <= 2 ? [t.fewLeft] : []), t.advice],
    });
  },

  /** Two-step verification was turned on or off: a security alert. */
  mfaChanged: (options: MailOptions, enabled: boolean) => {
    const t = messages(options.lang).mail.mfaChanged;
    const product = options.brand.productName;
    return render(enabled ? t.enabledSubject(product) : t.disabledSubject(product), options, {
      paragraphs: [enabled ? t.enabled(product) : t.disabled(product), t.advice],
    });
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

  /** A notification (notifications module): its title and body come from acct or the site's backend, so only ever escaped. */
  notification: (options: MailOptions, note: { title: string; body: string; url: string | null }) => {
    const t = messages(options.lang).mail.notification;
    return render(note.title, options, {
      paragraphs: note.body ? [note.body] : [],
      ...(note.url ? { action: { label: t.action, url: note.url } } : {}),
      footer: t.footer(options.brand.productName),
    });
  },

  /** One mail listing the notifications a daily or weekly digest folded together, oldest first. */
  notificationDigest: (
    options: MailOptions,
    frequency: 'daily' | 'weekly',
    notes: { title: string; body: string; url: string | null }[],
  ) => {
    const t = messages(options.lang).mail.notificationDigest;
    const product = options.brand.productName;
    const line = (n: (typeof notes)[number]) => [n.title, n.body, n.url].filter((part) => part).join(' — ');
    const daily = frequency === 'daily';
    return render(t.subject(product, notes.length, daily), options, {
      paragraphs: [t.intro(product, daily), ...notes.map(line)],
      footer: messages(options.lang).mail.notification.footer(product),
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

  /** A data export is ready: the download link (which also needs the user's session) and its end. */
  dataExportReady: (options: MailOptions, ready: { url: string; expiresAt: Date }) => {
    const t = messages(options.lang).mail.dataExportReady;
    const product = options.brand.productName;
    const until = new Intl.DateTimeFormat(options.lang, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(ready.expiresAt);
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product)],
      action: { label: t.action, url: ready.url },
      footer: t.footer(until),
    });
  },

  /** To the new address of an email change: the confirmation link. */
  emailChangeConfirm: (options: MailOptions, url: string) => {
    const t = messages(options.lang).mail.emailChangeConfirm;
    const product = options.brand.productName;
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product)],
      action: { label: t.action, url },
      footer: t.footer,
    });
  },

  /** Sent instead of a confirmation when the new address already has an account (no enumeration). */
  emailChangeTaken: (options: MailOptions) => {
    const t = messages(options.lang).mail.emailChangeTaken;
    return render(t.subject(options.brand.productName), options, {
      paragraphs: [t.intro(options.brand.productName), t.advice],
    });
  },

  /** To the old address once the change is confirmed; `undoUrl` gives the address back for 72 hours. */
  emailChanged: (options: MailOptions, newEmail: string, undoUrl: string) => {
    const t = messages(options.lang).mail.emailChanged;
    const product = options.brand.productName;
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product, newEmail), t.advice],
      action: { label: t.action, url: undoUrl },
      footer: t.footer,
    });
  },

  /** An account's deletion was asked for: when it happens, and the link that cancels it. */
  deletionRequested: (options: MailOptions, scheduledFor: Date, cancelUrl: string) => {
    const t = messages(options.lang).mail.deletionRequested;
    const product = options.brand.productName;
    const date = new Intl.DateTimeFormat(options.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(scheduledFor);
    return render(t.subject(product), options, {
      paragraphs: [t.intro(product, date), t.signedOut],
      action: { label: t.action, url: cancelUrl },
      footer: t.footer,
    });
  },

  deletionCancelled: (options: MailOptions) => {
    const t = messages(options.lang).mail.deletionCancelled;
    const product = options.brand.productName;
    return render(t.subject(product), options, { paragraphs: [t.intro(product)] });
  },

  /** The last mail: the account is gone. */
  accountDeleted: (options: MailOptions) => {
    const t = messages(options.lang).mail.accountDeleted;
    const product = options.brand.productName;
    return render(t.subject(product), options, { paragraphs: [t.intro(product), t.goodbye] });
  },

  /** To an organization's owners and admins: one of its webhook endpoints failed too often and was disabled. */
  webhookDisabled: (options: MailOptions, hook: { url: string; organization: string; failures: number }) => {
    const t = messages(options.lang).mail.webhookDisabled;
    const product = options.brand.productName;
    return render(t.subject(product), options, {
      paragraphs: [t.intro(hook.organization, hook.url, hook.failures), t.advice],
    });
  },
};

export type MailTemplateName = keyof typeof mailTemplates;
