/**
 * German, for emails and hosted pages. Typed as `Messages`, so a key added to en.ts and missing
 * here fails the type check. The reader is addressed with „Sie“, as in the elements
 * (widgets/src/core/i18n/de.ts); quotation marks are „…“.
 */
import type { Messages } from './en';

export const de: Messages = {
  $lang: 'de',
  $dir: 'ltr',

  notifications: {
    organizationCreated: (name) => `Organisation „${name}“ erstellt`,
    appConnected: (provider) => `${provider} ist mit Ihrer Organisation verbunden`,
    onboardingCompleted: (product) => `Ihr ${product}-Konto ist eingerichtet`,
  },

  mail: {
    signature: (product) => `— ${product}`,
    buttonFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:',

    verifyEmail: {
      subject: (product) => `Bestätigen Sie Ihre E-Mail-Adresse für ${product}`,
      intro: (product) =>
        `Willkommen bei ${product}! Bestätigen Sie, dass dies Ihre E-Mail-Adresse ist, um die Erstellung Ihres Kontos abzuschließen.`,
      action: 'E-Mail-Adresse bestätigen',
      footer:
        'Der Link funktioniert einmal und läuft in 24 Stunden ab. Falls Sie sich nicht registriert haben, ignorieren Sie diese Nachricht.',
    },

    accountExists: {
      subject: (product) => `Sie haben bereits ein ${product}-Konto`,
      intro: (product) =>
        `Jemand (hoffentlich Sie) wollte mit dieser E-Mail-Adresse ein ${product}-Konto erstellen, aber es gibt bereits eines.`,
      forgot: 'Falls Sie Ihr Passwort vergessen haben, können Sie ein neues wählen.',
      action: 'Passwort zurücksetzen',
      footer: 'Falls Sie das nicht waren, ignorieren Sie diese Nachricht: Es hat sich nichts geändert.',
    },

    resetPassword: {
      subject: (product) => `Setzen Sie Ihr ${product}-Passwort zurück`,
      intro: (product) => `Wir haben eine Anfrage erhalten, das Passwort Ihres ${product}-Kontos zurückzusetzen.`,
      action: 'Neues Passwort wählen',
      footer:
        'Der Link funktioniert einmal und läuft in 30 Minuten ab. Falls Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht.',
    },

    notification: {
      action: 'Öffnen',
      footer: (product) =>
        `In Ihren Benachrichtigungseinstellungen können Sie wählen, welche Benachrichtigungen ${product} Ihnen sendet.`,
    },

    notificationDigest: {
      subject: (product, count, daily) =>
        `Ihre ${daily ? 'tägliche' : 'wöchentliche'} ${product}-Zusammenfassung: ${count} ${count === 1 ? 'Benachrichtigung' : 'Benachrichtigungen'}`,
      intro: (product, daily) =>
        `Das ist seit Ihrer letzten ${daily ? 'täglichen' : 'wöchentlichen'} Zusammenfassung auf ${product} passiert:`,
    },

    passwordChanged: {
      subject: (product) => `Ihr ${product}-Passwort wurde geändert`,
      intro: (product) =>
        `Das Passwort Ihres ${product}-Kontos wurde soeben geändert, und alle anderen Geräte wurden abgemeldet.`,
      advice: 'Falls Sie das nicht waren, setzen Sie Ihr Passwort sofort zurück.',
    },

    magicLink: {
      subject: (product) => `Bei ${product} anmelden`,
      intro: (product) => `Melden Sie sich mit diesem Link bei ${product} an. Kein Passwort nötig.`,
      action: (product) => `Bei ${product} anmelden`,
      footer: (minutes) =>
        `Der Link funktioniert einmal und läuft in ${minutes === 1 ? '1 Minute' : `${minutes} Minuten`} ab. Falls Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht: Ohne ihn kann sich niemand anmelden.`,
    },

    newPasskey: {
      subject: (product) => `Ihrem ${product}-Konto wurde ein Passkey hinzugefügt`,
      intro: (product, name) =>
        name === null
          ? `Ein neuer Passkey kann jetzt zur Anmeldung bei Ihrem ${product}-Konto verwendet werden.`
          : `Ein neuer Passkey, „${name}“, kann jetzt zur Anmeldung bei Ihrem ${product}-Konto verwendet werden.`,
      advice:
        'Falls Sie das nicht waren, entfernen Sie ihn in Ihren Kontoeinstellungen und ändern Sie sofort Ihr Passwort.',
    },

    passkeyRemoved: {
      subject: (product) => `Ein Passkey wurde aus Ihrem ${product}-Konto entfernt`,
      intro: (product, name) =>
        name === null
          ? `Ein Passkey kann nicht mehr zur Anmeldung bei Ihrem ${product}-Konto verwendet werden.`
          : `Der Passkey „${name}“ kann nicht mehr zur Anmeldung bei Ihrem ${product}-Konto verwendet werden.`,
      advice:
        'Falls Sie das nicht waren, ändern Sie sofort Ihr Passwort und prüfen Sie die Passkeys und Sitzungen Ihres Kontos.',
    },

    recoveryCodeUsed: {
      subject: (product) => `Bei Ihrem ${product}-Konto wurde ein Wiederherstellungscode zur Anmeldung verwendet`,
      intro: (product) =>
        `Jemand hat sich mit einem Ihrer Wiederherstellungscodes bei Ihrem ${product}-Konto angemeldet.`,
      remaining: (count) =>
        count === 1
          ? 'Es ist noch 1 Wiederherstellungscode übrig.'
          : `Es sind noch ${count} Wiederherstellungscodes übrig.`,
      fewLeft:
        'Es sind nur noch wenige Codes übrig: Erstellen Sie in den Sicherheitseinstellungen Ihres Kontos einen neuen Satz.',
      advice:
        'Falls Sie das nicht waren, ändern Sie sofort Ihr Passwort und erstellen Sie neue Wiederherstellungscodes.',
    },

    mfaChanged: {
      enabledSubject: (product) => `Die Bestätigung in zwei Schritten ist für Ihr ${product}-Konto eingeschaltet`,
      disabledSubject: (product) => `Die Bestätigung in zwei Schritten wurde für Ihr ${product}-Konto ausgeschaltet`,
      enabled: (product) =>
        `Bei der Anmeldung bei Ihrem ${product}-Konto wird jetzt zusätzlich ein Code aus Ihrer Authenticator-App abgefragt.`,
      disabled: (product) =>
        `Bei der Anmeldung bei Ihrem ${product}-Konto wird kein Code aus einer Authenticator-App mehr abgefragt.`,
      advice:
        'Falls Sie das nicht waren, ändern Sie sofort Ihr Passwort und prüfen Sie die Sicherheitseinstellungen Ihres Kontos.',
    },

    organizationInvitation: {
      subject: (organization, product) => `Treten Sie ${organization} auf ${product} bei`,
      intro: (inviter, organization, product) =>
        `${inviter} hat Sie eingeladen, ${organization} auf ${product} beizutreten.`,
      action: (organization) => `${organization} beitreten`,
      footer: (days) =>
        `Die Einladung funktioniert einmal und läuft in ${days === 1 ? '1 Tag' : `${days} Tagen`} ab. Falls Sie sie nicht erwartet haben, ignorieren Sie diese Nachricht: Ohne die Schaltfläche passiert nichts.`,
    },

    newDevice: {
      subject: (product) => `Neue Anmeldung bei ${product}`,
      intro: (product) =>
        `Mit Ihrem ${product}-Konto hat sich soeben ein Gerät angemeldet, das wir noch nicht kannten:`,
      advice:
        'Falls Sie das waren, ist nichts zu tun. Falls nicht, ändern Sie Ihr Passwort und melden Sie die anderen Geräte in Ihren Kontoeinstellungen ab.',
      kind: { desktop: 'Computer', mobile: 'Smartphone', tablet: 'Tablet' },
      browserOn: (browser, os) => `${browser} unter ${os}`,
      unknownPlace: 'Unbekannter Ort',
    },

    dataExportReady: {
      subject: (product) => `Ihr ${product}-Datenexport ist fertig`,
      intro: (product) => `Die angeforderte Kopie der Daten Ihres ${product}-Kontos ist fertig.`,
      action: 'Meine Daten herunterladen',
      footer: (until) =>
        `Der Link funktioniert nur, solange Sie in Ihrem Konto angemeldet sind, bis ${until} UTC. Falls Sie diesen Export nicht angefordert haben, ändern Sie Ihr Passwort.`,
    },
    webhookDisabled: {
      subject: (product) => `Ein Webhook-Endpunkt wurde auf ${product} deaktiviert`,
      intro: (organization, url, failures) =>
        `Der Webhook-Endpunkt ${url} von ${organization} ist ${failures}-mal in Folge fehlgeschlagen und erhält daher keine Ereignisse mehr.`,
      advice:
        'Beheben Sie das Problem am Endpunkt und aktivieren Sie ihn dann auf der Webhook-Seite der Organisation wieder; sein Zustellprotokoll zeigt, was er geantwortet hat.',
    },
    emailChangeConfirm: {
      subject: (product) => `Bestätigen Sie Ihre neue E-Mail-Adresse für ${product}`,
      intro: (product) =>
        `Sie möchten diese Adresse für Ihr ${product}-Konto verwenden. Bestätigen Sie sie, um die Änderung vorzunehmen.`,
      action: 'Neue E-Mail-Adresse bestätigen',
      footer:
        'Der Link funktioniert einmal und läuft in 24 Stunden ab. Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.',
    },
    emailChangeTaken: {
      subject: (product) => `Ihre E-Mail-Adresse und ${product}`,
      intro: (product) =>
        `Jemand (hoffentlich Sie) wollte diese Adresse für ein ${product}-Konto verwenden, aber sie gehört bereits zu einem Konto. Es wurde nichts geändert.`,
      advice:
        'Wenn Sie diese Adresse dort verwenden möchten, ändern Sie zuerst die Adresse des Kontos, zu dem sie gehört.',
    },
    emailChanged: {
      subject: (product) => `Ihre ${product}-E-Mail-Adresse wurde geändert`,
      intro: (product, newEmail) => `Die E-Mail-Adresse Ihres ${product}-Kontos wurde in ${newEmail} geändert.`,
      advice:
        'Falls Sie das waren, ist nichts zu tun. Falls nicht, machen Sie die Änderung rückgängig: Ihre Adresse kommt zurück, und alle Geräte werden abgemeldet.',
      action: 'Änderung rückgängig machen',
      footer: 'Der Link funktioniert einmal und läuft in 72 Stunden ab.',
    },
    deletionRequested: {
      subject: (product) => `Die Löschung Ihres ${product}-Kontos ist geplant`,
      intro: (product, date) =>
        `Sie haben die Löschung Ihres ${product}-Kontos beantragt. Es wird am ${date} mit allen Inhalten endgültig gelöscht.`,
      signedOut:
        'Alle Geräte wurden abgemeldet. Bis zu diesem Datum können Sie sich erneut anmelden und abbrechen, oder diesen Link verwenden:',
      action: 'Löschung abbrechen',
      footer: 'Falls Sie das nicht beantragt haben, brechen Sie jetzt ab und ändern Sie Ihr Passwort.',
    },

    deletionCancelled: {
      subject: (product) => `Ihr ${product}-Konto wird nicht gelöscht`,
      intro: (product) => `Die Löschung Ihres ${product}-Kontos wurde abgebrochen. Es wurde nichts gelöscht.`,
    },

    accountDeleted: {
      subject: (product) => `Ihr ${product}-Konto wurde gelöscht`,
      intro: (product) =>
        `Ihr ${product}-Konto und seine Daten wurden wie gewünscht gelöscht. Organisationen, deren einziger Inhaber Sie waren, gingen an ihren dienstältesten Administrator oder ihr dienstältestes Mitglied oder wurden mit dem Konto gelöscht, wenn niemand sonst dabei war.`,
      goodbye: 'Danke, dass Sie es genutzt haben. Dies ist die letzte Nachricht, die Sie von uns erhalten.',
    },
  },

  pages: {
    emailChange: {
      title: 'Neue E-Mail-Adresse bestätigen',
      intro: (email) => `Klicken Sie auf die Schaltfläche, um ${email} zur E-Mail-Adresse Ihres Kontos zu machen.`,
      action: 'Neue E-Mail-Adresse bestätigen',
      doneTitle: 'E-Mail-Adresse geändert',
      done: (email, product) => `${email} ist jetzt Ihre E-Mail-Adresse. Sie können zu ${product} zurückkehren.`,
      takenTitle: 'E-Mail-Adresse nicht geändert',
      taken:
        'Ein anderes Konto verwendet diese E-Mail-Adresse inzwischen, daher kann sie nicht auch Ihre sein. Es wurde nichts geändert.',
    },
    emailChangeUndo: {
      title: 'E-Mail-Änderung rückgängig machen',
      intro: (email) =>
        `Klicken Sie auf die Schaltfläche, um ${email} wieder zur E-Mail-Adresse Ihres Kontos zu machen. Alle Geräte, die bei dem Konto angemeldet sind, werden abgemeldet.`,
      action: 'Änderung rückgängig machen',
      doneTitle: 'E-Mail-Änderung rückgängig gemacht',
      done: (email, product) =>
        `${email} ist wieder Ihre E-Mail-Adresse, und alle Geräte wurden abgemeldet. Falls Sie sie nicht selbst geändert haben, melden Sie sich erneut bei ${product} an und wählen Sie ein neues Passwort.`,
      takenTitle: 'E-Mail-Änderung nicht rückgängig gemacht',
      taken:
        'Ein anderes Konto verwendet diese E-Mail-Adresse inzwischen, daher kann sie nicht zurückgegeben werden. Es wurde nichts geändert.',
    },
    verifyEmail: {
      title: 'E-Mail-Adresse bestätigen',
      intro: (product) =>
        `Klicken Sie auf die Schaltfläche, um Ihre E-Mail-Adresse zu bestätigen und die Einrichtung Ihres ${product}-Kontos abzuschließen.`,
      action: 'E-Mail-Adresse bestätigen',
      doneTitle: 'E-Mail-Adresse bestätigt',
      done: (product) => `Danke. Sie können jetzt zu ${product} zurückkehren und sich anmelden.`,
    },

    cancelDeletion: {
      title: 'Löschung Ihres Kontos abbrechen',
      intro: (product, date) =>
        `Die Löschung Ihres ${product}-Kontos ist für den ${date} geplant. Klicken Sie auf die Schaltfläche, um es zu behalten.`,
      action: 'Mein Konto behalten',
      doneTitle: 'Löschung abgebrochen',
      done: (product) => `Ihr Konto wird nicht gelöscht. Sie können sich wieder bei ${product} anmelden.`,
    },

    magicLink: {
      title: (product) => `Anmeldung bei ${product} fortsetzen`,
      intro: 'Klicken Sie auf die Schaltfläche, um die Anmeldung abzuschließen.',
      action: 'Weiter',
      hint: 'Falls Sie keine Anmeldung angefordert haben, schließen Sie diese Seite: Ohne die Schaltfläche passiert nichts.',
    },

    resetPassword: {
      title: 'Neues Passwort wählen',
      newPassword: 'Neues Passwort',
      hint: (minLength) => `Mindestens ${minLength} Zeichen. Alle anderen Geräte werden abgemeldet.`,
      repeat: 'Wiederholen',
      action: 'Neues Passwort festlegen',
      problems: {
        password_too_short: 'Dieses Passwort ist zu kurz.',
        password_too_long: 'Dieses Passwort ist zu lang.',
        password_too_common: 'Dieses Passwort ist zu verbreitet oder zu leicht zu erraten. Wählen Sie ein anderes.',
        mismatch: 'Die beiden Passwörter stimmen nicht überein.',
      },
      doneTitle: 'Passwort geändert',
      done: (product) => `Sie können sich jetzt mit Ihrem neuen Passwort bei ${product} anmelden.`,
    },

    invitation: {
      title: (organization, product) => `${organization} auf ${product} beitreten`,
      invited: (p) => [
        `${p.inviter ?? 'Jemand'} hat `,
        p.email,
        ` eingeladen, ${p.organization} als ${p.role === 'admin' ? 'Administrator' : 'Mitglied'} beizutreten.`,
      ],
      action: 'Weiter',
      hint: (email) =>
        `Wenn Sie fortfahren, nehmen Sie sie für ${email} an. Falls Sie diese Einladung nicht erwartet haben, schließen Sie diese Seite: Ohne die Schaltfläche passiert nichts.`,
    },

    invalidLink: {
      title: 'Link nicht mehr gültig',
      heading: 'Dieser Link kann nicht mehr verwendet werden',
      reason: 'Er ist abgelaufen, wurde bereits verwendet oder durch einen neueren Link ersetzt.',
      advice: (product) => `Kehren Sie zu ${product} zurück und fordern Sie einen neuen an.`,
      back: (product) => `Zurück zu ${product}`,
    },

    login: {
      title: 'Anmelden',
      noScript:
        'Diese Anmeldeseite braucht JavaScript. Schalten Sie es ein, oder kehren Sie zur Website zurück und melden Sie sich dort an.',
    },
    account: {
      title: 'Ihr Konto',
      back: (site) => `Zurück zu ${site}`,
    },
    oauth: {
      failedTitle: 'Die Anmeldung wurde nicht abgeschlossen',
      reasons: {
        attempt: 'Dieser Anmeldeversuch ist abgelaufen oder wurde bereits verwendet.',
        provider: (provider) => `${provider} hat nicht bestätigt, wer Sie sind.`,
        no_email: (provider) => `${provider} hat keine E-Mail-Adresse übermittelt.`,
        account_exists: (provider) =>
          `Ein Konto mit dieser E-Mail-Adresse existiert bereits und ist nicht mit ${provider} verknüpft. Melden Sie sich wie gewohnt an (Passwort, Passkey oder E-Mail-Link), öffnen Sie dann Ihre verbundenen Konten und wählen Sie „${provider} verknüpfen“: Danach meldet ${provider} Sie an.`,
        sign_up_closed: 'Hier können keine neuen Konten erstellt werden.',
      },
      advice: (product) => `Kehren Sie zu ${product} zurück und versuchen Sie es erneut.`,
      back: (product) => `Zurück zu ${product}`,
      popupTitle: 'Sie werden angemeldet',
      popupText: 'Sie können dieses Fenster schließen, falls es offen bleibt.',
    },
  },

  seeded: {
    steps: {
      welcome: 'Willkommen',
      profile: 'Profil',
      organization: 'Organisation',
      team: 'Team',
      preferences: 'Einstellungen',
      integrations: 'Integrationen',
      tour: 'Rundgang',
      complete: 'Fertig',
    },
    checklist: {
      create_event: {
        title: 'Erstellen Sie Ihre erste Veranstaltung',
        description: 'Legen Sie eine Produktion oder Veranstaltung an',
      },
      invite_team: { title: 'Laden Sie ein Teammitglied ein', description: 'Gemeinsam arbeitet es sich besser' },
      connect_integration: {
        title: 'Verbinden Sie eine Integration',
        description: 'Synchronisieren Sie mit Ihren Werkzeugen',
      },
      customize_profile: {
        title: 'Vervollständigen Sie Ihr Profil',
        description: 'Fügen Sie ein Foto und eine Beschreibung hinzu',
      },
      explore_dashboard: { title: 'Entdecken Sie das Dashboard', description: 'Ihre Kommandozentrale' },
    },
  },
};
