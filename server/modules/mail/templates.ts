/**
 * The messages acct sends, each as a subject, plain text and simple HTML (one column, no images,
 * readable in any client), with the product name from config. Everything interpolated into HTML
 * is escaped; links are the only dynamic parts with meaning, and they are built by the callers
 * from our own public URL.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailBranding {
  productName: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Block {
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

function render(subject: string, { productName }: MailBranding, block: Block): MailContent {
  const text = [
    ...block.paragraphs,
    ...(block.action ? [`${block.action.label}:\n${block.action.url}`] : []),
    ...(block.footer ? [block.footer] : []),
    `— ${productName}`,
  ].join('\n\n');
  const button = block.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(block.action.url)}" style="background:#1d4ed8;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(block.action.label)}</a></p>
<p style="color:#57606a;font-size:13px">If the button does not work, paste this address into your browser:<br><span style="word-break:break-all">${escapeHtml(block.action.url)}</span></p>`
    : '';
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f8fa;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328">
<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
<p style="font-weight:600;font-size:18px;margin-top:0">${escapeHtml(productName)}</p>
${block.paragraphs.map((p) => `<p style="line-height:1.5">${escapeHtml(p)}</p>`).join('\n')}
${button}
${block.footer ? `<p style="color:#57606a;font-size:13px;line-height:1.5">${escapeHtml(block.footer)}</p>` : ''}
</div></body></html>`;
  return { subject, text, html };
}

export const mailTemplates = {
  verifyEmail: (brand: MailBranding, url: string) =>
    render(`Confirm your email for ${brand.productName}`, brand, {
      paragraphs: [`Welcome to ${brand.productName}! Confirm that this is your email address to finish creating your account.`],
      action: { label: 'Confirm my email', url },
      footer: 'The link works once and expires in 24 hours. If you did not sign up, ignore this message.',
    }),

  /** Sent instead of a verification when someone signs up with an address that has an account (no enumeration). */
  accountExists: (brand: MailBranding, resetUrl: string) =>
    render(`You already have a ${brand.productName} account`, brand, {
      paragraphs: [
        `Someone (hopefully you) tried to create a ${brand.productName} account with this email address, but it already has one.`,
        'If you forgot your password, you can choose a new one.',
      ],
      action: { label: 'Reset my password', url: resetUrl },
      footer: 'If it was not you, ignore this message: nothing has changed.',
    }),

  resetPassword: (brand: MailBranding, url: string) =>
    render(`Reset your ${brand.productName} password`, brand, {
      paragraphs: [`We received a request to reset the password of your ${brand.productName} account.`],
      action: { label: 'Choose a new password', url },
      footer: 'The link works once and expires in 30 minutes. If you did not ask for it, ignore this message.',
    }),

  passwordChanged: (brand: MailBranding) =>
    render(`Your ${brand.productName} password was changed`, brand, {
      paragraphs: [
        `The password of your ${brand.productName} account was just changed, and every other device was signed out.`,
        'If this was not you, reset your password right away.',
      ],
    }),

  magicLink: (brand: MailBranding, url: string, ttlMinutes: number) =>
    render(`Sign in to ${brand.productName}`, brand, {
      paragraphs: [`Use this link to sign in to ${brand.productName}. No password needed.`],
      action: { label: `Sign in to ${brand.productName}`, url },
      footer: `The link works once and expires in ${ttlMinutes} minutes. If you did not ask for it, ignore this message: nobody can sign in without it.`,
    }),

  newPasskey: (brand: MailBranding, name: string) =>
    render(`A passkey was added to your ${brand.productName} account`, brand, {
      paragraphs: [
        `A new passkey, "${name}", can now be used to sign in to your ${brand.productName} account.`,
        'If this was not you, remove it from your account settings and change your password right away.',
      ],
    }),

  /** An invitation to an organization; `inviter` is a display name or address, both chosen by users, so only ever escaped. */
  organizationInvitation: (brand: MailBranding, invite: { organizationName: string; inviter: string; ttlDays: number }, url: string) =>
    render(`Join ${invite.organizationName} on ${brand.productName}`, brand, {
      paragraphs: [`${invite.inviter} invited you to join ${invite.organizationName} on ${brand.productName}.`],
      action: { label: `Join ${invite.organizationName}`, url },
      footer: `The invitation works once and expires in ${invite.ttlDays} days. If you were not expecting it, ignore this message: nothing happens without the button.`,
    }),

  newDevice: (brand: MailBranding, details: { device: string; place: string; time: string }) =>
    render(`New sign-in to ${brand.productName}`, brand, {
      paragraphs: [
        `Your ${brand.productName} account was just used to sign in from a device we have not seen before:`,
        `${details.device} — ${details.place} — ${details.time}`,
        'If this was you, there is nothing to do. If not, change your password and sign out the other devices from your account settings.',
      ],
    }),
};

export type MailTemplateName = keyof typeof mailTemplates;
